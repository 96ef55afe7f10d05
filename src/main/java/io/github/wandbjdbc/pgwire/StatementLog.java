package io.github.wandbjdbc.pgwire;

/** Hears of each statement a session planned and who answers it: session, catalog or driver. */
@FunctionalInterface
interface StatementLog {
  void planned(String sql, String answeredBy);
}
