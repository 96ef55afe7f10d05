package io.github.wandbjdbc.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.ValueOrder;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.calcite.runtime.Hook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differential test of pushdown: thousands of generated queries ({@link RunsQueryGenerator}) run on
 * a connection that pushes work into W&B requests and on one with {@code pushdown=false}, and must
 * give the same rows (in order under a total ORDER BY, as multisets otherwise) and no exception.
 * The requests the pushing connection planned (published on {@link Hook#QUERY_PLAN}) show that a
 * good share of the queries did push something, and that the oracle pushed nothing.
 *
 * <p>It runs once per {@link ValueOrder}, since W&B's placement of nulls, NaN and non-numbers is
 * unverified: {@value #QUERIES} queries under the default, {@value #OTHER_ORDER_QUERIES} under each
 * other order, each order with its own seeds (the base seed plus its index in {@link
 * ValueOrder#all()}).
 *
 * <p>{@code -Ddifferential.seed=N} changes the base seed, {@code -Ddifferential.queries=N} the
 * number of queries under every order, and {@code -Ddifferential.query=S} runs only the query of
 * seed S (as printed in a failure, with its order) under every order.
 */
class PushdownDifferentialTest {
  private static final long BASE_SEED = 20_261_126L;
  private static final int QUERIES = 2_400;
  private static final int OTHER_ORDER_QUERIES = 500;
  private static final long DATASET_SEED = 42;

  /** Pairs of connections querying at once: the emulator and the planner share the cores. */
  private static final int WORKERS = 2;

  /** Failures after this many are counted, not described. */
  private static final int DESCRIBED_FAILURES = 10;

  /** Share of queries whose W&B request must carry a filter (the rest may still push columns). */
  private static final double MIN_FILTERED_SHARE = 0.30;

  /** An emulator serving the dataset in one value order, and connection pairs to it. */
  private static final class Fixture implements AutoCloseable {
    private final WandbEmulator emulator;
    private final List<Connection> pushing = new ArrayList<>();
    private final List<Connection> oracles = new ArrayList<>();
    private final RunsQueryGenerator generator;

    Fixture(ValueOrder values) throws SQLException {
      emulator =
          WandbEmulator.start(
              EmulatorConfig.defaults().withValueOrder(values),
              DifferentialDataset.generate(DATASET_SEED));
      for (int i = 0; i < WORKERS; i++) {
        pushing.add(discovered(emulator.jdbcUrl("demo")));
        oracles.add(discovered(emulator.jdbcUrl("demo") + ";pushdown=false"));
      }
      DifferentialDataset.addOddRuns(emulator.dataset());
      generator = new RunsQueryGenerator(RunsSample.read(oracles.get(0)));
    }

    /** A connection that has discovered the columns of demo's runs (before the odd runs exist). */
    private static Connection discovered(String url) throws SQLException {
      Connection connection = DriverManager.getConnection(url);
      try (Statement statement = connection.createStatement()) {
        statement.executeQuery("SELECT COUNT(*) FROM runs").close();
      }
      return connection;
    }

    @Override
    public void close() throws SQLException {
      for (Connection connection : pushing) {
        connection.close();
      }
      for (Connection connection : oracles) {
        connection.close();
      }
      emulator.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.github.wandbjdbc.emulator.ValueOrder#all")
  void pushdownNeverChangesAResult(ValueOrder values) throws Exception {
    long seed = Long.getLong("differential.seed", BASE_SEED);
    long base = seed + ValueOrder.all().indexOf(values);
    Long only = Long.getLong("differential.query");
    int defaultCount = values.equals(ValueOrder.BSON) ? QUERIES : OTHER_ORDER_QUERIES;
    int count = only != null ? 1 : Integer.getInteger("differential.queries", defaultCount);
    Tally tally = new Tally();
    ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
    try (Fixture fixture = new Fixture(values)) {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < WORKERS; w++) {
        int worker = w;
        done.add(
            workers.submit(
                () -> {
                  for (int i = worker; i < count; i += WORKERS) {
                    GeneratedQuery query =
                        fixture.generator.generate(only != null ? only : querySeed(base, i));
                    compare(query, fixture.pushing.get(worker), fixture.oracles.get(worker), tally);
                  }
                  return null;
                }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      workers.shutdownNow();
    }
    if (tally.failed > 0) {
      fail(
          tally.failed
              + " of "
              + count
              + " queries (base seed "
              + seed
              + ", "
              + values
              + ") differ with pushdown:\n\n"
              + String.join("\n\n", tally.failures));
    }
    if (only == null) {
      int filtered = tally.pushed.getOrDefault("filters", 0);
      assertTrue(
          filtered >= MIN_FILTERED_SHARE * count,
          "only "
              + filtered
              + " of "
              + count
              + " queries pushed a filter; pushed: "
              + tally.pushed);
      for (String part : List.of("order", "limit", "runCount")) {
        assertTrue(
            tally.pushed.getOrDefault(part, 0) >= count / 100,
            "too few queries pushed " + part + ": " + tally.pushed);
      }
      // A numeric metric first, NULLS LAST and a LIMIT: rarer among the generated orders.
      assertTrue(
          tally.pushed.getOrDefault("metric order", 0) >= 1,
          "no query was read in a proven metric order: " + tally.pushed);
    }
  }

  /** What the workers found, shared between them. */
  private static final class Tally {
    private final Map<String, Integer> pushed = new HashMap<>();
    private final List<String> failures = new ArrayList<>();
    private int failed;

    synchronized void pushed(List<String> requests) {
      requests.stream()
          .flatMap(r -> pushedParts(r).stream())
          .distinct()
          .forEach(part -> pushed.merge(part, 1, Integer::sum));
    }

    synchronized void failed(String description) {
      failed++;
      if (failures.size() < DESCRIBED_FAILURES) {
        failures.add(description);
      }
    }
  }

  private static void compare(
      GeneratedQuery query, Connection pushing, Connection oracle, Tally tally) {
    List<String> requests = new ArrayList<>();
    QueryOutcome withPushdown = runRecording(pushing, query, requests);
    List<String> oracleRequests = new ArrayList<>();
    QueryOutcome expected = runRecording(oracle, query, oracleRequests);
    oracleRequests.forEach(
        request ->
            assertEquals(
                List.of(),
                pushedParts(request),
                "pushdown=false pushed " + request + " for " + query));
    if (!withPushdown.sameRowsAs(expected, query.ordered())) {
      tally.failed(describe(query, withPushdown, expected, requests));
    }
    tally.pushed(requests);
  }

  /** Distinct per query, spread over the seed space, and reproducible from the base seed. */
  private static long querySeed(long base, int index) {
    long z = base + (index + 1) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  // "try": the hook is held open for the try block only and never read.
  @SuppressWarnings("try")
  private static QueryOutcome runRecording(
      Connection connection, GeneratedQuery query, List<String> requests) {
    Consumer<Object> recorder = plan -> requests.add(String.valueOf(plan));
    try (Hook.Closeable ignored = Hook.QUERY_PLAN.addThread(recorder)) {
      return QueryOutcome.run(connection, query);
    }
  }

  /** What a request (as {@link RunsScanSpec#describe} writes it) asks W&B to do beyond a scan. */
  private static List<String> pushedParts(String request) {
    List<String> parts = new ArrayList<>();
    if (request.startsWith("runCount(")) {
      parts.add("runCount");
    }
    if (request.contains("filters=") && !request.contains("filters={}")) {
      parts.add("filters");
    }
    if (request.contains(", order=")) {
      parts.add("order");
    }
    if (request.contains("proven by runCount")) {
      parts.add("metric order");
    }
    if (request.contains(", limit=")) {
      parts.add("limit");
    }
    return parts;
  }

  private static String describe(
      GeneratedQuery query,
      QueryOutcome withPushdown,
      QueryOutcome expected,
      List<String> requests) {
    StringBuilder text =
        new StringBuilder(query.toString())
            .append("\n  with pushdown: ")
            .append(withPushdown.describe())
            .append("\n  pushdown=false: ")
            .append(expected.describe());
    if (withPushdown.error() == null && expected.error() == null) {
      text.append("\n  only with pushdown: ")
          .append(missing(expected.rows(), withPushdown.rows()))
          .append("\n  only without: ")
          .append(missing(withPushdown.rows(), expected.rows()));
    }
    return text.append("\n  requests: ").append(requests).toString();
  }

  /** Rows of {@code from} (as a multiset) that {@code in} lacks, at most a few. */
  private static List<String> missing(List<String> in, List<String> from) {
    List<String> rest = new ArrayList<>(in);
    List<String> missing = new ArrayList<>();
    for (String row : from) {
      if (!rest.remove(row) && missing.size() < 3) {
        missing.add(row);
      }
    }
    return missing;
  }
}
