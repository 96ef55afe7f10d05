package io.github.wandbjdbc.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PgSqlTextTest {
  static Stream<Arguments> splits() {
    return Stream.of(
        Arguments.of("SELECT 1", List.of("SELECT 1")),
        Arguments.of("SELECT 1; SELECT 2;", List.of("SELECT 1", "SELECT 2")),
        Arguments.of(" ; ;", List.of()),
        Arguments.of("SELECT ';' AS s; SELECT 2", List.of("SELECT ';' AS s", "SELECT 2")),
        Arguments.of("SELECT 'it''s;' ; x", List.of("SELECT 'it''s;'", "x")),
        Arguments.of("SELECT E'a\\';b'; x", List.of("SELECT E'a\\';b'", "x")),
        Arguments.of("SELECT \"a;b\" FROM t; x", List.of("SELECT \"a;b\" FROM t", "x")),
        Arguments.of("SELECT 1 -- a;b\n; x", List.of("SELECT 1 -- a;b", "x")),
        Arguments.of(
            "SELECT /* a; /* b; */ c; */ 1; x", List.of("SELECT /* a; /* b; */ c; */ 1", "x")),
        Arguments.of("SELECT $$a;b$$; SELECT $t$;$t$", List.of("SELECT $$a;b$$", "SELECT $t$;$t$")),
        Arguments.of("-- only a comment", List.of()));
  }

  @ParameterizedTest
  @MethodSource("splits")
  void splitsAtTopLevelSemicolonsOnly(String text, List<String> statements) {
    assertEquals(statements, PgSqlText.split(text));
  }

  static Stream<Arguments> placeholders() {
    return Stream.of(
        Arguments.of(
            "SELECT * FROM runs WHERE run_id = $1",
            "SELECT * FROM runs WHERE run_id = ?",
            List.of(1)),
        Arguments.of("x = $2 AND y = $1 OR z = $2", "x = ? AND y = ? OR z = ?", List.of(2, 1, 2)),
        Arguments.of("SELECT '$1', \"$1\", $1", "SELECT '$1', \"$1\", ?", List.of(1)),
        Arguments.of("SELECT $$ $1 $$, $10", "SELECT $$ $1 $$, ?", List.of(10)),
        Arguments.of("SELECT a$1 FROM t", "SELECT a$1 FROM t", List.of()));
  }

  @ParameterizedTest
  @MethodSource("placeholders")
  void dollarParametersBecomeQuestionMarksOutsideLiterals(
      String pg, String jdbc, List<Integer> numbers) {
    PgSqlText.Placeholders p = PgSqlText.placeholders(pg);
    assertEquals(jdbc, p.sql());
    assertEquals(numbers, p.parameterNumbers());
  }
}
