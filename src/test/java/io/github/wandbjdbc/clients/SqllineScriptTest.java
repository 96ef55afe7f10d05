package io.github.wandbjdbc.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatedProject;
import io.github.wandbjdbc.emulator.EmulatedRun;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sqlline.SqlLine;

/** sqlline, the scripted stand-in for a GUI client, runs a script through the driver. */
class SqllineScriptTest {
  private static final String TABLES_HEADER =
      "TABLE_CAT,TABLE_SCHEM,TABLE_NAME,TABLE_TYPE,REMARKS,"
          + "TYPE_CAT,TYPE_SCHEM,TYPE_NAME,SELF_REFERENCING_COL_NAME,REF_GENERATION";

  /** The runs table's columns, in order, with their java.sql.Types codes (README "runs"). */
  private static final List<String> RUNS_COLUMNS =
      List.of(
          "run_id:" + Types.VARCHAR,
          "display_name:" + Types.VARCHAR,
          "state:" + Types.VARCHAR,
          "entity:" + Types.VARCHAR,
          "project:" + Types.VARCHAR,
          "group_name:" + Types.VARCHAR,
          "job_type:" + Types.VARCHAR,
          "sweep_name:" + Types.VARCHAR,
          "tags:" + Types.VARCHAR,
          "username:" + Types.VARCHAR,
          "created_at:" + Types.TIMESTAMP,
          "heartbeat_at:" + Types.TIMESTAMP,
          "git_commit:" + Types.VARCHAR,
          "notes:" + Types.VARCHAR,
          "description:" + Types.VARCHAR,
          "history_line_count:" + Types.BIGINT,
          "url:" + Types.VARCHAR,
          "config:" + Types.VARCHAR,
          "summary:" + Types.VARCHAR,
          "system_metrics:" + Types.VARCHAR);

  @Test
  void scriptListsTablesAndColumnsAndRunsAQuery(@TempDir Path dir) throws Exception {
    try (WandbEmulator emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults(),
            DatasetGenerator.generate(GeneratorSpec.defaults(5).withRunsPerProject(3)))) {
      Path script =
          Files.writeString(
              dir.resolve("script.sql"),
              String.join(
                  "\n",
                  "!tables",
                  "!columns runs",
                  "SELECT run_id, state FROM runs ORDER BY run_id;",
                  ""));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      SqlLine sqlLine = new SqlLine();
      sqlLine.setOutputStream(out);
      sqlLine.setErrorStream(err);
      SqlLine.Status status =
          sqlLine.begin(
              new String[] {
                "-u",
                emulator.jdbcUrl("demo"),
                "-n",
                "",
                "-p",
                "",
                "--outputformat=csv",
                "--run=" + script
              },
              null,
              false);

      String errors = err.toString(StandardCharsets.UTF_8);
      assertEquals(SqlLine.Status.OK, status, errors);
      assertFalse(errors.contains("Error"), errors);
      List<List<String>> rows =
          out.toString(StandardCharsets.UTF_8).lines().map(SqllineScriptTest::csvFields).toList();
      List<String> projects =
          emulator.dataset().projects().stream().map(EmulatedProject::name).sorted().toList();

      // !tables: each project's four tables, schemas and then tables in name order.
      List<String> tableNames = List.of("histories", "runs", "sampled_histories", "system_metrics");
      int columnsHeader = 1 + projects.size() * tableNames.size();
      assertEquals(TABLES_HEADER, String.join(",", rows.get(0)));
      List<String> tables = new ArrayList<>();
      rows.subList(1, columnsHeader)
          .forEach(r -> tables.add(r.get(1) + "." + r.get(2) + ":" + r.get(3)));
      assertEquals(
          projects.stream()
              .flatMap(p -> tableNames.stream().map(t -> p + "." + t + ":TABLE"))
              .toList(),
          tables);

      // !columns runs: every project's runs table, the fixed columns first and in order with
      // their JDBC types, then the config/summary columns discovered from that project's runs.
      assertEquals(
          List.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "DATA_TYPE"),
          rows.get(columnsHeader).subList(0, 5));
      int selectHeader = rows.indexOf(List.of("run_id", "state"));
      Map<String, List<String>> columnsByProject = new TreeMap<>();
      for (List<String> r : rows.subList(columnsHeader + 1, selectHeader)) {
        assertEquals("runs", r.get(2));
        columnsByProject
            .computeIfAbsent(r.get(1), p -> new ArrayList<>())
            .add(r.get(3) + ":" + r.get(4));
      }
      assertEquals(projects, List.copyOf(columnsByProject.keySet()));
      columnsByProject.forEach(
          (project, columns) -> {
            assertEquals(RUNS_COLUMNS, columns.subList(0, RUNS_COLUMNS.size()), project);
            assertTrue(
                columns.subList(RUNS_COLUMNS.size(), columns.size()).stream()
                    .allMatch(c -> c.startsWith("config.") || c.startsWith("summary.")),
                project);
          });
      assertTrue(
          columnsByProject.get("demo").contains("config.lr:8"),
          columnsByProject.get("demo").toString());

      // The SELECT: the demo project's runs, sorted by id.
      List<List<String>> expectedRows = new ArrayList<>();
      expectedRows.add(List.of("run_id", "state"));
      emulator.dataset().project(emulator.dataset().entity(), "demo").orElseThrow().runs().stream()
          .sorted(Comparator.comparing(EmulatedRun::name))
          .forEach(run -> expectedRows.add(List.of(run.name(), run.state())));
      assertEquals(expectedRows, rows.subList(selectHeader, rows.size()));
    }
  }

  /** sqlline's CSV: fields in single quotes, comma-separated; the values read here hold neither. */
  private static List<String> csvFields(String line) {
    return Arrays.stream(line.split(",", -1))
        .map(
            f ->
                f.length() >= 2 && f.startsWith("'") && f.endsWith("'")
                    ? f.substring(1, f.length() - 1)
                    : f)
        .collect(Collectors.toList());
  }
}
