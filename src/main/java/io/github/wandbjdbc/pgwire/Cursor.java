package io.github.wandbjdbc.pgwire;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * An open cursor: the rows of its query, read forward as FETCH and MOVE ask, straight from the
 * driver's ResultSet, so a FETCH reads only the W&B pages its rows need.
 */
final class Cursor implements AutoCloseable {
  private final String name;
  private final PlannedStatement statement;
  private final QueryRows rows;
  private final boolean hold;
  private final boolean binary;
  private final PreparedStatement reading;
  private boolean exhausted;

  /**
   * @param hold WITH HOLD: it outlives the transaction that declared it
   * @param binary DECLARE BINARY: a simple query's FETCH sends its rows in binary
   * @param reading the driver statement whose rows these are, which CancelRequest cancels while a
   *     FETCH or MOVE reads them; null when the endpoint answers the query itself
   */
  Cursor(
      String name,
      PlannedStatement statement,
      QueryRows rows,
      boolean hold,
      boolean binary,
      PreparedStatement reading) {
    this.name = name;
    this.statement = statement;
    this.rows = rows;
    this.hold = hold;
    this.binary = binary;
    this.reading = reading;
  }

  String name() {
    return name;
  }

  boolean hold() {
    return hold;
  }

  boolean binary() {
    return binary;
  }

  PreparedStatement reading() {
    return reading;
  }

  List<PgColumn> columns() {
    return rows.columns();
  }

  /** Moves to the next row; false once the rows have ended, and from then on. */
  boolean next() throws SQLException {
    if (!exhausted && !rows.next()) {
      exhausted = true;
    }
    return !exhausted;
  }

  Object value(int index) throws SQLException {
    return rows.value(index);
  }

  @Override
  public void close() throws SQLException {
    try {
      rows.close();
    } finally {
      statement.close();
    }
  }
}
