package io.github.wandbjdbc.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QueryGuardTest {
  private final AtomicBoolean cancelFlag = new AtomicBoolean();

  @AfterEach
  void noGuardLeftOpen() {
    assertEquals(0, QueryGuard.openCount());
  }

  @Test
  void cancelRunsTheStopActionsOnTheGuardThreadThenCheckThrows() throws Exception {
    try (QueryGuard guard = QueryGuard.open(context(null, null))) {
      AtomicReference<String> stoppedOn = new AtomicReference<>();
      CountDownLatch stopped = new CountDownLatch(2);
      guard.onStop(
          () -> {
            throw new IllegalStateException(
                "a failing action does not keep the others from running");
          });
      guard.onStop(() -> stopped.countDown());
      guard.onStop(
          () -> {
            stoppedOn.set(Thread.currentThread().getName());
            stopped.countDown();
          });
      guard.check();
      cancelFlag.set(true);
      assertTrue(stopped.await(2, TimeUnit.SECONDS));
      assertEquals("wandb-jdbc-query-guard", stoppedOn.get());
      assertThrows(QueryCanceledException.class, guard::check);
      assertEquals(1, QueryGuard.openCount());
    }
  }

  @Test
  void timeoutStopsTheQueryOnceItsMillisecondsHavePassed() throws Exception {
    try (QueryGuard guard = QueryGuard.open(context(300L, null))) {
      CountDownLatch stopped = new CountDownLatch(1);
      guard.onStop(stopped::countDown);
      guard.check();
      assertTrue(stopped.await(2, TimeUnit.SECONDS));
      QueryTimeoutException e = assertThrows(QueryTimeoutException.class, guard::check);
      assertTrue(e.getMessage().contains("300 ms"), e.getMessage());
    }
  }

  @Test
  void timeoutCountsFromTheQueryStartCalciteRecorded() {
    long started = System.currentTimeMillis() - 2_000;
    try (QueryGuard guard = QueryGuard.open(context(1_000L, started))) {
      assertThrows(QueryTimeoutException.class, guard::check);
    }
  }

  @Test
  void anActionRegisteredAfterTheStopRunsAtOnce() {
    cancelFlag.set(true);
    try (QueryGuard guard = QueryGuard.open(context(null, null))) {
      assertThrows(QueryCanceledException.class, guard::check);
      AtomicBoolean ran = new AtomicBoolean();
      guard.onStop(() -> ran.set(true));
      assertTrue(ran.get());
    }
  }

  @Test
  void closingUnregistersAndDropsTheActions() throws Exception {
    AtomicBoolean ran = new AtomicBoolean();
    QueryGuard guard = QueryGuard.open(context(null, null));
    guard.onStop(() -> ran.set(true));
    assertEquals(1, QueryGuard.openCount());
    guard.close();
    assertEquals(0, QueryGuard.openCount());
    cancelFlag.set(true);
    Thread.sleep(3 * QueryGuard.POLL_MILLIS);
    assertFalse(ran.get());
  }

  @Test
  void explainSaysWhyARequestFailed() {
    RuntimeException failure = new RuntimeException("HTTP 500");
    try (QueryGuard guard = QueryGuard.open(context(null, null))) {
      assertSame(failure, guard.explain(failure, false));
      RuntimeException closed = guard.explain(failure, true);
      assertInstanceOf(QueryCanceledException.class, closed);
      assertTrue(closed.getMessage().contains("connection was closed"), closed.getMessage());
      assertSame(failure, closed.getCause());
      cancelFlag.set(true);
      assertThrows(QueryCanceledException.class, () -> guard.explain(failure, false));
    }
  }

  @Test
  void withoutCancelFlagOrTimeoutNothingStops() throws Exception {
    Map<String, Object> empty = new HashMap<>();
    try (QueryGuard guard = QueryGuard.open(new MapContext(empty))) {
      Thread.sleep(2 * QueryGuard.POLL_MILLIS);
      guard.check();
    }
  }

  private DataContext context(Long timeoutMillis, Long startMillis) {
    Map<String, Object> values = new HashMap<>();
    values.put(DataContext.Variable.CANCEL_FLAG.camelName, cancelFlag);
    if (timeoutMillis != null) {
      values.put(DataContext.Variable.TIMEOUT.camelName, timeoutMillis);
    }
    if (startMillis != null) {
      values.put(DataContext.Variable.UTC_TIMESTAMP.camelName, startMillis);
    }
    return new MapContext(values);
  }

  private record MapContext(Map<String, Object> values) implements DataContext {
    @Override
    public SchemaPlus getRootSchema() {
      return null;
    }

    @Override
    public JavaTypeFactory getTypeFactory() {
      return null;
    }

    @Override
    public QueryProvider getQueryProvider() {
      return null;
    }

    @Override
    public Object get(String name) {
      return values.get(name);
    }
  }
}
