package io.github.wandbjdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLSyntaxErrorException;
import org.junit.jupiter.api.Test;

class MisspelledStatementKeywordTest {
  @Test
  void aNearMissOfAStatementKeywordIsNamed() {
    SQLSyntaxErrorException e =
        assertThrows(
            SQLSyntaxErrorException.class,
            () -> MisspelledStatementKeyword.check("-- top runs\nEXPLIAN PLAN FOR SELECT 1"));
    assertEquals("42000", e.getSQLState());
    assertEquals(
        "Expected EXPLAIN at line 2, column 1, found \"EXPLIAN\"."
            + " A statement starts with SELECT, WITH, VALUES, EXPLAIN.",
        e.getMessage());
  }

  @Test
  void keywordsAndOtherWordsPassToTheParser() {
    for (String sql :
        new String[] {
          "select 1", "(WITH t AS (SELECT 1) SELECT * FROM t)", "SET x = 1", "", "DESCRIBE runs"
        }) {
      assertDoesNotThrow(() -> MisspelledStatementKeyword.check(sql), sql);
    }
  }
}
