package io.github.wandbjdbc.calcite.histories;

import static io.github.wandbjdbc.calcite.histories.HistoryFixture.historyRequests;
import static io.github.wandbjdbc.calcite.histories.HistoryFixture.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatedDataset;
import io.github.wandbjdbc.emulator.EmulatedProject;
import io.github.wandbjdbc.emulator.EmulatedRun;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history cache through the driver: what a repeat costs, which runs are re-read, and that a
 * damaged or unwritable cache never changes an answer. Every answer is compared with the same
 * query's answer without pushdown and without the cache.
 */
class HistoryCacheTest {
  private static final String SQL = "SELECT run_id, _step, loss, \"row\" FROM histories";
  private static final Set<String> TERMINAL = Set.of("finished", "crashed", "failed", "killed");

  @TempDir Path cacheDir;
  private EmulatedDataset dataset;
  private WandbEmulator emulator;

  @BeforeEach
  void start() throws IOException {
    dataset =
        DatasetGenerator.generate(
            GeneratorSpec.defaults(21).withRunsPerProject(12).withHistorySteps(400));
    emulator = WandbEmulator.start(EmulatorConfig.defaults(), dataset);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void aRepeatReadsOnlyRunsThatMayStillChange() throws Exception {
    List<List<Object>> first = cached(SQL);
    assertEquals(oracle(SQL), first);
    assertFalse(runsRead().isEmpty());

    List<List<Object>> second = cached(SQL);
    assertEquals(first, second);
    assertEquals(unfinishedRunsWithHistory(), runsRead());
    assertFilesArePrivate();
  }

  @Test
  void systemMetricsAreCachedTheSameWaySampledHistoriesAreNot() throws Exception {
    String system = "SELECT run_id, _runtime FROM system_metrics";
    assertEquals(oracle(system), cached(system));
    assertEquals(oracle(system), cached(system));
    Set<String> read = runsRead();
    finishedRunsWithHistory().forEach(run -> assertFalse(read.contains(run), run));

    String sampled = "SELECT run_id, _step FROM sampled_histories";
    cached(sampled);
    assertEquals(oracle(sampled), cached(sampled));
    assertTrue(runsRead().containsAll(finishedRunsWithHistory()));
  }

  @Test
  void runsCachedByAnEarlierQueryAreNotReadAgain() throws Exception {
    List<String> finished = finishedRunsWithHistory();
    List<String> some = finished.subList(0, finished.size() / 2);
    String subset = SQL + " WHERE run_id IN ('" + String.join("', '", some) + "')";
    assertEquals(oracle(subset), cached(subset));

    assertEquals(oracle(SQL), cached(SQL));
    Set<String> read = runsRead();
    some.forEach(run -> assertFalse(read.contains(run), run + " was read again"));
    assertTrue(read.containsAll(finished.subList(some.size(), finished.size())), read.toString());
  }

  @Test
  void keysAndStepBoundsAreServedFromWholeRunsInTheCache() throws Exception {
    String sql = "SELECT run_id, _step, loss FROM histories";
    cached(sql);
    String bounded = sql + " WHERE _step BETWEEN 50 AND 120";
    assertEquals(oracle(bounded), cached(bounded));
    assertEquals(unfinishedRunsWithHistory(), runsRead());
  }

  @Test
  void aRunThatGainedLinesOrChangedStateIsReadAgain() throws Exception {
    cached(SQL);
    List<String> finished = finishedRunsWithHistory();
    String grown = finished.get(0);
    String failed = finished.get(1);
    change(grown, failed);

    assertEquals(oracle(SQL), cached(SQL));
    Set<String> read = runsRead();
    assertTrue(read.contains(grown) && read.contains(failed), read.toString());
    assertEquals(2 + unfinishedRunsWithHistory().size(), read.size(), read.toString());
  }

  @Test
  void damagedFilesAreReadAgainNeverServed() throws Exception {
    List<List<Object>> expected = cached(SQL);
    List<Path> files = cacheFiles();
    assertTrue(files.size() >= 3, files.toString());
    byte[] first = Files.readAllBytes(files.get(0));
    first[first.length / 2] ^= 0x5a; // corrupt
    Files.write(files.get(0), first);
    byte[] second = Files.readAllBytes(files.get(1));
    Files.write(files.get(1), java.util.Arrays.copyOf(second, second.length / 3)); // truncated
    byte[] third = Files.readAllBytes(files.get(2));
    third[7] = 9; // format version 9
    Files.write(files.get(2), third);

    assertEquals(expected, cached(SQL));
    assertEquals(3 + unfinishedRunsWithHistory().size(), runsRead().size());
    assertEquals(expected, cached(SQL)); // and rewritten whole
    assertEquals(unfinishedRunsWithHistory(), runsRead());
  }

  @Test
  void leastRecentlyUsedRunsGoAtTheLimit() throws Exception {
    cached(SQL);
    long limit = 3 * cacheBytes() / cacheFiles().size(); // about three runs' worth
    for (Path file : cacheFiles()) {
      Files.delete(file);
    }
    String url =
        emulator.jdbcUrl("demo") + ";cache=true;cacheDir=" + cacheDir + ";cacheMaxBytes=" + limit;
    for (String run : finishedRunsWithHistory()) {
      query(url, SQL + " WHERE run_id = '" + run + "'");
      assertTrue(cacheBytes() <= limit, cacheBytes() + " bytes");
    }
    assertTrue(cacheFiles().size() < finishedRunsWithHistory().size(), "nothing was evicted");
    String newest = finishedRunsWithHistory().get(finishedRunsWithHistory().size() - 1);
    emulator.stats().reset();
    query(url, SQL + " WHERE run_id = '" + newest + "'");
    assertTrue(historyRequests(emulator).isEmpty(), "the most recent run was evicted");
  }

  /** A directory that cannot be made (its parent is a file: root may write anywhere else). */
  @Test
  void anUnwritableCacheTurnsItselfOffAndAnswersStillCome() throws Exception {
    Path file = Files.writeString(cacheDir.resolve("not-a-directory"), "x");
    String url = emulator.jdbcUrl("demo") + ";cache=true;cacheDir=" + file.resolve("cache");
    assertEquals(oracle(SQL), query(url, SQL));
    emulator.stats().reset();
    assertEquals(oracle(SQL), query(url, SQL));
    assertEquals(new TreeSet<>(allRunsWithHistory()), runsRead());
  }

  private List<List<Object>> cached(String sql) throws Exception {
    emulator.stats().reset();
    return query(emulator.jdbcUrl("demo") + ";cache=true;cacheDir=" + cacheDir, sql);
  }

  private List<List<Object>> oracle(String sql) throws Exception {
    return query(emulator.jdbcUrl("demo") + ";pushdown=false", sql);
  }

  private Set<String> runsRead() {
    Set<String> runs = new TreeSet<>();
    historyRequests(emulator).forEach(request -> runs.addAll(HistoryFixture.runsRead(request)));
    return runs;
  }

  private List<EmulatedRun> runs() {
    return dataset.project("acme", "demo").orElseThrow().runs();
  }

  private List<String> finishedRunsWithHistory() {
    return runs().stream()
        .filter(run -> TERMINAL.contains(run.state()) && !run.history().isEmpty())
        .map(EmulatedRun::name)
        .sorted()
        .toList();
  }

  private Set<String> unfinishedRunsWithHistory() {
    Set<String> runs = new TreeSet<>(allRunsWithHistory());
    runs.removeAll(finishedRunsWithHistory());
    return runs;
  }

  private List<String> allRunsWithHistory() {
    return runs().stream().filter(run -> !run.history().isEmpty()).map(EmulatedRun::name).toList();
  }

  private List<Path> cacheFiles() throws IOException {
    try (Stream<Path> files = Files.walk(cacheDir)) {
      return files.filter(f -> f.toString().endsWith(".whc")).sorted().toList();
    }
  }

  private long cacheBytes() throws IOException {
    long total = 0;
    for (Path file : cacheFiles()) {
      total += Files.size(file);
    }
    return total;
  }

  private void assertFilesArePrivate() throws IOException {
    Path directory = cacheFiles().get(0).getParent();
    assertEquals(
        "rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)));
    for (Path file : cacheFiles()) {
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
      assertFalse(
          Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1)
              .contains(emulator.apiKey()));
    }
  }

  /** Gives {@code grown} one more history row and fails {@code failed}, in the served project. */
  private void change(String grown, String failed) {
    EmulatedProject project = dataset.project("acme", "demo").orElseThrow();
    for (EmulatedRun r : project.runs()) {
      if (!r.name().equals(grown) && !r.name().equals(failed)) {
        continue;
      }
      List<ObjectNode> history = new ArrayList<>(r.history());
      String state = r.state();
      if (r.name().equals(grown)) {
        ObjectNode last = history.get(history.size() - 1).deepCopy();
        last.put("_step", last.get("_step").asLong() + 1);
        last.put("loss", 0.125);
        history.add(last);
      } else {
        state = "failed".equals(state) ? "crashed" : "failed";
      }
      project.removeRun(r.name());
      project.addRun(
          new EmulatedRun(
              r.name(),
              r.displayName(),
              state,
              r.tags(),
              r.group(),
              r.jobType(),
              r.sweepName(),
              r.commit(),
              r.notes(),
              r.description(),
              r.createdAt(),
              r.heartbeatAt(),
              r.username(),
              r.userFullName(),
              r.host(),
              r.config(),
              r.summary(),
              r.systemMetrics(),
              history,
              r.events()));
    }
  }
}
