package io.github.wandbjdbc.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * One DataFrame as {@code runs_to_pandas.py} prints it: {@code # title (N rows)}, {@code # dtypes:
 * name=dtype, ...}, then {@code DataFrame.to_csv(na_rep="NaN")}. Cells hold no commas.
 */
record PandasFrame(String title, String dtypes, List<String> header, List<String[]> rows) {
  private static final String DTYPES = "# dtypes: ";

  static List<PandasFrame> parseAll(String output) {
    List<PandasFrame> frames = new ArrayList<>();
    List<String> lines = output.lines().toList();
    int i = 0;
    while (i < lines.size()) {
      String title = lines.get(i).replaceFirst("^# ", "");
      assertTrue(lines.get(i + 1).startsWith(DTYPES), "no dtypes line after " + title);
      String dtypes = lines.get(i + 1).substring(DTYPES.length());
      List<String> header = List.of(lines.get(i + 2).split(",", -1));
      i += 3;
      List<String[]> rows = new ArrayList<>();
      while (i < lines.size() && !lines.get(i).startsWith("# ")) {
        rows.add(lines.get(i++).split(",", -1));
      }
      assertTrue(title.endsWith("(" + rows.size() + " rows)"), title);
      frames.add(new PandasFrame(title, dtypes, header, rows));
    }
    return frames;
  }

  /** Each cell of row {@code index} against the value JDBC read ({@link JdbcCell}). */
  void assertRowMatches(int index, List<Object> expected) {
    String[] cells = rows.get(index);
    assertEquals(expected.size(), cells.length, "columns of row " + index);
    for (int c = 0; c < cells.length; c++) {
      String where = title + ", row " + index + ", " + header.get(c);
      assertTrue(
          matches(expected.get(c), cells[c]), where + ": " + expected.get(c) + " vs " + cells[c]);
    }
  }

  private static boolean matches(Object expected, String cell) {
    if (expected == null) {
      return cell.equals("NaN"); // pandas' NaN (NaT for timestamps), printed as na_rep
    }
    if (expected instanceof Long l) {
      // int64 prints 200, float64 (a BIGINT column holding NULLs) 200.0
      return cell.matches("-?\\d+") ? Long.parseLong(cell) == l : Double.parseDouble(cell) == l;
    }
    if (expected instanceof Double d) {
      if (d.isNaN()) {
        return cell.equals("NaN");
      }
      return d.isInfinite() ? cell.equals(d > 0 ? "inf" : "-inf") : Double.parseDouble(cell) == d;
    }
    if (expected instanceof Boolean b) {
      return cell.equals(b ? "True" : "False");
    }
    if (expected instanceof Instant t) {
      return LocalDateTime.parse(cell.replace(' ', 'T')).toInstant(ZoneOffset.UTC).equals(t);
    }
    return cell.equals(expected);
  }
}
