package io.github.wandbjdbc.pgwire;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The extended query protocol: Parse, Bind, Describe, Execute and Close over named (or unnamed)
 * prepared statements and portals. Sync and Flush are the session's.
 */
final class ExtendedQuery implements AutoCloseable {
  /** What Parse of an empty query text holds: Execute answers EmptyQueryResponse. */
  private static final PlannedStatement EMPTY = FixedAnswer.command("", () -> {});

  private final StatementPlanner planner;
  private final PgBackend out;
  private final RowSender rows;
  private final SessionState state;
  private final Map<String, PlannedStatement> statements = new HashMap<>();
  private final Map<String, Portal> portals = new HashMap<>();

  ExtendedQuery(StatementPlanner planner, PgBackend out, SessionState state) {
    this.planner = planner;
    this.out = out;
    this.rows = new RowSender(out);
    this.state = state;
  }

  void parse(PgBuffer in) throws IOException, SQLException {
    String name = in.cstring();
    String sql = in.cstring();
    int count = in.int16();
    List<PgType> declared = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      declared.add(PgType.forOid(in.int32()));
    }
    closeStatement(name);
    PlannedStatement planned = planner.plan(sql, declared);
    statements.put(name, planned == null ? EMPTY : planned);
    out.empty('1');
  }

  void bind(PgBuffer in) throws IOException, SQLException {
    String portalName = in.cstring();
    PlannedStatement statement = statement(in.cstring());
    List<Short> parameterFormats = shorts(in);
    int count = in.int16();
    List<PgType> types = statement.parameterTypes();
    if (count != types.size()) {
      throw new PgProtocolException(
          "08P01",
          "bind message supplies "
              + count
              + " parameters, but prepared statement requires "
              + types.size());
    }
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int length = in.int32();
      short format =
          parameterFormats.isEmpty()
              ? 0
              : parameterFormats.get(parameterFormats.size() == 1 ? 0 : i);
      values.add(length < 0 ? null : types.get(i).decode(in.bytes(length), format == 1));
    }
    closePortal(portalName);
    portals.put(portalName, new Portal(statement, values, shorts(in)));
    out.empty('2');
  }

  void describe(PgBuffer in) throws IOException, SQLException {
    char kind = (char) in.int8();
    String name = in.cstring();
    if (kind == 'S') {
      PlannedStatement statement = statement(name);
      out.parameterDescription(statement.parameterTypes());
      describeRows(statement.columns(), null);
    } else if (!portals.containsKey(name) && state.cursors().exists(name)) {
      // a cursor is a portal too: psycopg 3 describes its DECLAREd cursor by name
      describeRows(state.cursors().get(name).columns(), List.of());
    } else {
      Portal portal = portal(name);
      describeRows(portal.statement.columns(), portal.resultFormats);
    }
  }

  private void describeRows(List<PgColumn> columns, List<Short> formats) {
    if (columns == null) {
      out.empty('n');
    } else {
      out.rowDescription(
          columns,
          formats == null
              ? RowSender.allText(columns.size())
              : RowSender.binaryColumns(columns, formats));
    }
  }

  void execute(PgBuffer in) throws IOException, SQLException {
    Portal portal = portal(in.cstring());
    int limit = in.int32();
    if (portal.rows == null) {
      if (portal.statement == EMPTY) {
        out.empty('I');
        return;
      }
      portal.rows = portal.statement.execute(portal.parameters);
    }
    boolean[] exhausted = new boolean[1];
    List<Boolean> binary = RowSender.binaryColumns(portal.rows.columns(), portal.resultFormats);
    portal.sent += rows.send(portal.rows, binary, Math.max(limit, 0), exhausted);
    if (exhausted[0]) {
      out.commandComplete(portal.rows.tag(portal.sent));
      portal.close();
    } else {
      out.empty('s');
    }
  }

  void close(PgBuffer in) throws IOException, SQLException {
    char kind = (char) in.int8();
    String name = in.cstring();
    if (kind == 'S') {
      closeStatement(name);
    } else {
      closePortal(name);
    }
    out.empty('3');
  }

  /** At Sync outside a transaction block the unnamed portal ends, as PostgreSQL's does. */
  void sync() throws SQLException {
    if (state.transactionStatus() == 'I') {
      closePortal("");
    }
  }

  private PlannedStatement statement(String name) throws PgProtocolException {
    PlannedStatement statement = statements.get(name);
    if (statement == null) {
      throw new PgProtocolException("26000", "prepared statement \"" + name + "\" does not exist");
    }
    return statement;
  }

  private Portal portal(String name) throws PgProtocolException {
    Portal portal = portals.get(name);
    if (portal == null) {
      throw new PgProtocolException("34000", "portal \"" + name + "\" does not exist");
    }
    return portal;
  }

  private void closeStatement(String name) throws SQLException {
    PlannedStatement statement = statements.remove(name);
    if (statement != null) {
      for (Portal portal : List.copyOf(portals.values())) {
        if (portal.statement == statement) {
          portals.values().remove(portal);
          portal.close();
        }
      }
      statement.close();
    }
  }

  private void closePortal(String name) throws SQLException {
    Portal portal = portals.remove(name);
    if (portal != null) {
      portal.close();
    }
  }

  private static List<Short> shorts(PgBuffer in) throws PgProtocolException {
    int count = in.int16();
    List<Short> values = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      values.add(in.int16());
    }
    return values;
  }

  /** At the session's end: its portals, prepared statements and cursors. */
  @Override
  public void close() throws SQLException {
    state.cursors().close();
    for (Portal portal : portals.values()) {
      portal.close();
    }
    for (PlannedStatement statement : statements.values()) {
      statement.close();
    }
  }
}
