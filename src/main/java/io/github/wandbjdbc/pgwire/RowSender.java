package io.github.wandbjdbc.pgwire;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Sends a statement's rows as DataRows, in text or binary per column, flushing as it goes. */
final class RowSender {
  /** Buffered bytes after which rows go out before the result ends: the client reads as we scan. */
  private static final int FLUSH_AT = 64 * 1024;

  private final PgBackend out;

  RowSender(PgBackend out) {
    this.out = out;
  }

  /**
   * Which columns go in binary: the Bind message's result format codes (none: all text; one: all
   * alike; else one per column), and only for types with a binary form.
   */
  static List<Boolean> binaryColumns(List<PgColumn> columns, List<Short> formats) {
    List<Boolean> binary = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      short format = formats.isEmpty() ? 0 : formats.size() == 1 ? formats.get(0) : formats.get(i);
      binary.add(format == 1 && columns.get(i).type().hasBinary());
    }
    return binary;
  }

  static List<Boolean> allText(int columns) {
    return Collections.nCopies(columns, false);
  }

  /**
   * Sends up to {@code limit} rows (0: all) and returns how many; the caller tells from {@code
   * exhausted} whether the rows ended.
   */
  long send(QueryRows rows, List<Boolean> binary, long limit, boolean[] exhausted)
      throws SQLException, IOException {
    int width = rows.columns().size();
    long sent = 0;
    while (limit == 0 || sent < limit) {
      if (!rows.next()) {
        exhausted[0] = true;
        return sent;
      }
      byte[][] values = new byte[width][];
      for (int c = 0; c < width; c++) {
        Object value = rows.value(c);
        PgType type = rows.columns().get(c).type();
        values[c] = value == null ? null : binary.get(c) ? type.binary(value) : type.text(value);
      }
      out.dataRow(values);
      sent++;
      if (out.buffered() >= FLUSH_AT) {
        out.flush();
      }
    }
    exhausted[0] = false;
    return sent;
  }
}
