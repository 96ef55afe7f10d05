package io.github.wandbjdbc.emulator;

/**
 * Command-line flags of {@link EmulatorMain}. {@code runs} and {@code historySteps} are null when
 * not given (the generator's defaults apply). Unlike {@link EmulatorConfig#defaults()}, the
 * launcher exports finished runs' histories, as W&B's cloud does.
 */
record LauncherOptions(
    boolean help,
    int port,
    long seed,
    Integer runs,
    Integer historySteps,
    long latencyMs,
    double rateLimit,
    int failEvery,
    ExportMode exports,
    long fileLatencyMs) {

  static final String USAGE =
      String.join(
          "\n",
          "usage: wandb-emulator [options]",
          "Serves a generated W&B dataset on 127.0.0.1: entity \"acme\" with the projects \"demo\",",
          "\"mnist-sweeps\", \"image-classification\" and \"empty-project\", all readable. Prints the",
          "JDBC URL of project \"demo\", the base URL and the API key, one per line.",
          "  --port N                 TCP port, 0 = any free port (default 0)",
          "  --seed S                 dataset seed (default 42)",
          "  --runs N                 runs per project (default 40; image-classification: at most 5)",
          "  --history-steps N        history rows per finished run, others up to N (default 200)",
          "  --latency-ms L           delay added to every GraphQL request (default 0)",
          "  --rate-limit R           GraphQL requests per second, 0 = unlimited (default 0)",
          "  --fail-every N           every Nth GraphQL request answers 500, 0 = never (default 0)",
          "  --parquet-exports M      finished | partial | stale | none (default finished): which",
          "                           runs' histories are served as parquet files from a second",
          "                           port; partial also exports running runs up to a step; stale",
          "                           exports finished runs only up to a step, with no live steps",
          "  --file-latency-ms L      delay added to every parquet file request (default 0)",
          "  --help                   show this help");

  /**
   * @throws IllegalArgumentException naming the offending flag
   */
  static LauncherOptions parse(String... args) {
    boolean help = false;
    int port = 0;
    long seed = 42;
    Integer runs = null;
    Integer historySteps = null;
    long latencyMs = 0;
    double rateLimit = 0;
    int failEvery = 0;
    ExportMode exports = ExportMode.FINISHED;
    long fileLatencyMs = 0;
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (flag.equals("--help")) {
        help = true;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(
            flag.startsWith("--") ? "missing value for " + flag : "unknown argument: " + flag);
      }
      String value = args[++i];
      switch (flag) {
        case "--port" -> port = (int) number(flag, value, 0, 65_535);
        case "--seed" -> seed = number(flag, value, Long.MIN_VALUE, Long.MAX_VALUE);
        case "--runs" -> runs = (int) number(flag, value, 0, Integer.MAX_VALUE);
        case "--history-steps" -> historySteps = (int) number(flag, value, 0, Integer.MAX_VALUE);
        case "--latency-ms" -> latencyMs = number(flag, value, 0, Long.MAX_VALUE);
        case "--rate-limit" -> rateLimit = rate(value);
        case "--fail-every" -> failEvery = (int) number(flag, value, 0, Integer.MAX_VALUE);
        case "--parquet-exports" -> exports = ExportMode.parse(value);
        case "--file-latency-ms" -> fileLatencyMs = number(flag, value, 0, Long.MAX_VALUE);
        default -> throw new IllegalArgumentException("unknown argument: " + flag);
      }
    }
    return new LauncherOptions(
        help,
        port,
        seed,
        runs,
        historySteps,
        latencyMs,
        rateLimit,
        failEvery,
        exports,
        fileLatencyMs);
  }

  EmulatorConfig config() {
    return EmulatorConfig.defaults()
        .withPort(port)
        .withLatencyMs(latencyMs)
        .withRateLimitPerSecond(rateLimit)
        .withFailEvery(failEvery)
        .withExports(exports)
        .withFileLatencyMs(fileLatencyMs);
  }

  GeneratorSpec spec() {
    GeneratorSpec spec = GeneratorSpec.defaults(seed);
    if (runs != null) {
      spec = spec.withRunsPerProject(runs);
    }
    return historySteps == null ? spec : spec.withHistorySteps(historySteps);
  }

  private static long number(String flag, String value, long min, long max) {
    long parsed;
    try {
      parsed = Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " needs an integer, got \"" + value + "\"");
    }
    if (parsed < min || parsed > max) {
      throw new IllegalArgumentException(flag + " must be within " + min + ".." + max);
    }
    return parsed;
  }

  private static double rate(String value) {
    try {
      double rate = Double.parseDouble(value);
      if (rate >= 0 && !Double.isInfinite(rate)) {
        return rate;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("--rate-limit needs a number >= 0, got \"" + value + "\"");
  }
}
