package io.github.wandbjdbc.emulator;

import java.util.concurrent.CountDownLatch;

/**
 * Serves a generated dataset until killed. Prints the JDBC URL of project "demo", the base URL and
 * the API key, one per line, so scripts can read them.
 */
public final class EmulatorMain {
  private EmulatorMain() {}

  public static void main(String[] args) throws InterruptedException {
    LauncherOptions options;
    try {
      options = LauncherOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("wandb-emulator: " + e.getMessage());
      System.err.println(LauncherOptions.USAGE);
      System.exit(2);
      return;
    }
    if (options.help()) {
      System.out.println(LauncherOptions.USAGE);
      return;
    }
    WandbEmulator emulator =
        WandbEmulator.start(options.config(), DatasetGenerator.generate(options.spec()));
    Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "wandb-emulator-stop"));
    System.out.println(emulator.jdbcUrl("demo"));
    System.out.println(emulator.baseUrl());
    System.out.println(emulator.apiKey());
    System.out.flush();
    new CountDownLatch(1).await();
  }
}
