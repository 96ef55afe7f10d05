package io.github.wandbjdbc.pgwire;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code COPY (query) TO STDOUT} in text or CSV format, what psql's {@code \copy (SELECT ...) TO
 * file} sends: CopyOutResponse, one CopyData per row, CopyDone, then {@code COPY n}.
 */
record CopyOut(String query, boolean csv, boolean header) {
  private static final Pattern COPY =
      Pattern.compile("(?is)copy\\s*\\((.*)\\)\\s*to\\s+stdout\\b(.*)");

  /** The COPY of {@code sql}, or null when {@code sql} is not a {@code COPY (...) TO STDOUT}. */
  static CopyOut parse(String sql) {
    Matcher m = COPY.matcher(PgSqlText.trim(sql));
    if (!m.matches()) {
      return null;
    }
    String options = m.group(2).toLowerCase(Locale.ROOT);
    boolean csv = options.matches("(?s).*\\b(csv|format\\s+csv)\\b.*");
    boolean header = options.matches("(?s).*\\bheader\\b(?!\\s+(false|off|0)).*");
    return new CopyOut(m.group(1), csv, header);
  }

  void send(QueryRows rows, PgBackend out) throws SQLException {
    List<PgColumn> columns = rows.columns();
    out.copyOutResponse(columns.size());
    if (csv && header) {
      List<String> names = new ArrayList<>();
      columns.forEach(c -> names.add(csvField(c.name())));
      out.copyData(line(names));
    }
    long count = 0;
    while (rows.next()) {
      List<String> fields = new ArrayList<>();
      for (int c = 0; c < columns.size(); c++) {
        Object value = rows.value(c);
        String text =
            value == null
                ? null
                : new String(columns.get(c).type().text(value), StandardCharsets.UTF_8);
        fields.add(csv ? (text == null ? "" : csvField(text)) : textField(text));
      }
      out.copyData(line(fields));
      count++;
    }
    out.copyDone();
    out.commandComplete("COPY " + count);
  }

  private byte[] line(List<String> fields) {
    return (String.join(csv ? "," : "\t", fields) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static String csvField(String text) {
    if (text.isEmpty() || text.matches("(?s).*[\",\\r\\n].*")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }

  private static String textField(String text) {
    if (text == null) {
      return "\\N";
    }
    return text.replace("\\", "\\\\")
        .replace("\t", "\\t")
        .replace("\n", "\\n")
        .replace("\r", "\\r");
  }
}
