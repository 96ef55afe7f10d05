package io.github.wandbjdbc.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The README's tables render: each has one separator row and its header's number of cells. */
class ReadmeTablesTest {
  private static final Pattern SEPARATOR = Pattern.compile("\\|( *:?-{3,}:? *\\|)+");
  private static final Pattern CELL_BORDER = Pattern.compile("(?<!\\\\)\\|");

  /** The tables outside code blocks, each as its lines, with the first line's number. */
  record Table(int firstLine, List<String> rows) {}

  static List<Table> tables(List<String> lines) {
    List<Table> tables = new ArrayList<>();
    boolean inCode = false;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("```")) {
        inCode = !inCode;
      }
      if (inCode || !lines.get(i).startsWith("|")) {
        continue;
      }
      int first = i;
      while (i < lines.size() && lines.get(i).startsWith("|")) {
        i++;
      }
      tables.add(new Table(first + 1, lines.subList(first, i)));
    }
    return tables;
  }

  static int cells(String row) {
    return CELL_BORDER.split(row.strip(), -1).length - 2;
  }

  @Test
  void everyTableHasOneSeparatorRowAndTheHeadersNumberOfCells() throws IOException {
    List<Table> tables = tables(Files.readAllLines(Path.of("README.md")));
    assertTrue(tables.size() > 10, "the README's tables are found");
    for (Table table : tables) {
      List<String> rows = table.rows();
      long separators = rows.stream().filter(r -> SEPARATOR.matcher(r.strip()).matches()).count();
      assertEquals(1, separators, "separator rows of the table at line " + table.firstLine());
      assertTrue(SEPARATOR.matcher(rows.get(1).strip()).matches(), "line " + table.firstLine());
      for (int i = 0; i < rows.size(); i++) {
        assertEquals(
            cells(rows.get(0)), cells(rows.get(i)), "cells at line " + (table.firstLine() + i));
      }
    }
  }

  @Test
  void theExamplesTableNamesEverySqlExample() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    try (Stream<Path> files = Files.list(Path.of("sql-examples"))) {
      List<String> missing =
          files
              .map(f -> f.getFileName().toString())
              .filter(n -> n.endsWith(".sql"))
              .map(n -> n.substring(0, n.length() - ".sql".length()))
              .filter(n -> !readme.contains("| `" + n + "` |"))
              .sorted()
              .toList();
      assertEquals(List.of(), missing, "sql-examples missing from the README's Examples table");
    }
  }
}
