package io.github.wandbjdbc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipedStatementsTest {
  private static List<String> statements(String text) throws Exception {
    return PipedStatements.statements(new BufferedReader(new StringReader(text)));
  }

  @Test
  void statementsEndAtSemicolonsOutsideQuotesAndComments() throws Exception {
    assertEquals(
        List.of("SELECT 'a;b' AS \"c;d\" FROM runs", "SELECT 1\nFROM runs", "SELECT 'it''s'"),
        statements(
            "SELECT 'a;b' AS \"c;d\" FROM runs; -- a comment; not a statement\n"
                + "SELECT 1\nFROM runs;\nSELECT 'it''s'\n"));
  }

  @Test
  void quitEndsTheInputAndOtherCommandsAreKept() throws Exception {
    assertEquals(
        List.of("!tables", "SELECT 1"), statements("!tables\nSELECT 1;\n!quit\nSELECT 2;\n"));
  }
}
