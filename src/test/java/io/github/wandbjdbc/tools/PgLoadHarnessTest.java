package io.github.wandbjdbc.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The PG load harness in a small configuration: correctness only, no timing. */
class PgLoadHarnessTest {
  @Test
  void concurrentPgSessionsGetTheSingleSessionResults() throws Exception {
    PgLoadHarness.Result result = PgLoadHarness.run(new PgLoadHarness.Settings(6, 7, 30, 0, 0));
    assertEquals(42, result.queries());
    assertEquals(0, result.failed(), "failed queries");
    assertEquals(0, result.wrong(), "results that differ from the single-session run");
    assertTrue(result.requests() > 6, result.toString());
  }
}
