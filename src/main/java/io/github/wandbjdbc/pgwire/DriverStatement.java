package io.github.wandbjdbc.pgwire;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A query the driver runs: a JDBC PreparedStatement, {@code $n} rewritten to {@code ?}. */
final class DriverStatement implements PlannedStatement {
  private final PreparedStatement statement;
  private final List<Integer> parameterNumbers;
  private final List<PgType> parameterTypes;
  private final List<PgColumn> columns;
  private final Consumer<PreparedStatement> running;

  /**
   * @param declared the parameter types Parse named (null where it left them to the server)
   * @param running told of the statement while it runs and of null after, for CancelRequest
   */
  DriverStatement(
      Connection connection, String sql, List<PgType> declared, Consumer<PreparedStatement> running)
      throws SQLException {
    PgSqlText.Placeholders placeholders = PgSqlText.placeholders(sql);
    this.statement = connection.prepareStatement(placeholders.sql());
    this.parameterNumbers = placeholders.parameterNumbers();
    this.running = running;
    try {
      this.parameterTypes = parameterTypes(declared, placeholders);
      ResultSetMetaData metaData = statement.getMetaData();
      this.columns = metaData == null ? null : columns(metaData);
    } catch (SQLException | RuntimeException e) {
      statement.close();
      throw e;
    }
  }

  private List<PgType> parameterTypes(List<PgType> declared, PgSqlText.Placeholders placeholders)
      throws SQLException {
    List<PgType> types = new ArrayList<>();
    int count = Math.max(declared.size(), placeholders.parameterCount());
    ParameterMetaData metaData = count == 0 ? null : statement.getParameterMetaData();
    for (int n = 1; n <= count; n++) {
      PgType type = n <= declared.size() ? declared.get(n - 1) : null;
      int marker = parameterNumbers.indexOf(n);
      if (type == null && marker >= 0) {
        type = PgType.forJdbc(metaData.getParameterType(marker + 1));
      }
      types.add(type == null ? PgType.TEXT : type);
    }
    return List.copyOf(types);
  }

  static List<PgColumn> columns(ResultSetMetaData metaData) throws SQLException {
    List<PgColumn> columns = new ArrayList<>();
    for (int i = 1; i <= metaData.getColumnCount(); i++) {
      columns.add(
          new PgColumn(metaData.getColumnLabel(i), PgType.forJdbc(metaData.getColumnType(i))));
    }
    return List.copyOf(columns);
  }

  @Override
  public List<PgType> parameterTypes() {
    return parameterTypes;
  }

  @Override
  public List<PgColumn> columns() {
    return columns;
  }

  @Override
  public QueryRows execute(List<Object> parameters) throws SQLException {
    for (int k = 0; k < parameterNumbers.size(); k++) {
      int number = parameterNumbers.get(k);
      Object value = number <= parameters.size() ? parameters.get(number - 1) : null;
      bind(k + 1, value, parameterTypes.get(number - 1));
    }
    running.accept(statement);
    ResultSet rs;
    try {
      rs = statement.executeQuery();
    } catch (SQLException | RuntimeException e) {
      running.accept(null);
      throw e;
    }
    return new ResultSetRows(rs, columns, () -> running.accept(null));
  }

  private void bind(int index, Object value, PgType type) throws SQLException {
    if (value == null) {
      statement.setNull(index, jdbcType(type));
    } else if (value instanceof Instant instant) {
      statement.setTimestamp(index, Timestamp.from(instant));
    } else if (value instanceof LocalDate date) {
      statement.setTimestamp(index, Timestamp.from(date.atStartOfDay().toInstant(ZoneOffset.UTC)));
    } else if (value instanceof BigDecimal || value instanceof Number || value instanceof Boolean) {
      statement.setObject(index, value);
    } else {
      statement.setString(index, value.toString());
    }
  }

  private static int jdbcType(PgType type) {
    return switch (type) {
      case INT8 -> Types.BIGINT;
      case INT4, OID -> Types.INTEGER;
      case INT2 -> Types.SMALLINT;
      case FLOAT8, FLOAT4 -> Types.DOUBLE;
      case BOOL -> Types.BOOLEAN;
      case TIMESTAMP, DATE -> Types.TIMESTAMP;
      case NUMERIC -> Types.DECIMAL;
      default -> Types.VARCHAR;
    };
  }

  @Override
  public void close() throws SQLException {
    statement.close();
  }
}
