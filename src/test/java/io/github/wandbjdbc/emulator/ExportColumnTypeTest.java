package io.github.wandbjdbc.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExportColumnTypeTest {

  private static ExportColumnType typeOf(String... values) {
    List<JsonNode> nodes = new ArrayList<>();
    for (String value : values) {
      nodes.add(HandBuiltRun.json(value));
    }
    return ExportColumnType.of(nodes);
  }

  @Test
  void scalars() {
    assertEquals(ExportColumnType.INT64, typeOf("1", "-7", "9007199254740993"));
    assertEquals(ExportColumnType.DOUBLE, typeOf("1", "2.5"));
    assertEquals(ExportColumnType.DOUBLE, typeOf("NaN", "Infinity", "-Infinity"));
    assertEquals(ExportColumnType.DOUBLE, typeOf("123456789012345678901234567890"));
    assertEquals(ExportColumnType.STRING, typeOf("'a'", "'b'"));
    assertEquals(ExportColumnType.BOOLEAN, typeOf("true", "false"));
  }

  @Test
  void objectsAreStructsOfTheirMembersUnion() {
    Map<String, ExportColumnType> fields = new LinkedHashMap<>();
    fields.put("_type", ExportColumnType.STRING);
    fields.put("bins", new ExportColumnType.ListOf(ExportColumnType.DOUBLE));
    fields.put("values", new ExportColumnType.ListOf(ExportColumnType.INT64));
    fields.put("extra", ExportColumnType.JSON_TEXT);
    assertEquals(
        new ExportColumnType.Struct(fields),
        typeOf(
            "{'_type': 'histogram', 'bins': [0, 0.5, 1], 'values': [3, 4]}",
            "{'_type': 'histogram', 'bins': [1, 2], 'values': [null, 1], 'extra': 1}",
            "{'extra': 'x'}"));
  }

  @Test
  void anythingElseIsJsonText() {
    assertEquals(ExportColumnType.JSON_TEXT, typeOf("1", "'a'"));
    assertEquals(ExportColumnType.JSON_TEXT, typeOf("{'a': 1}", "[1]"));
    assertEquals(ExportColumnType.JSON_TEXT, typeOf("{}", "{}"));
    assertEquals(ExportColumnType.JSON_TEXT, typeOf("[]"));
    assertEquals(ExportColumnType.JSON_TEXT, typeOf("[1, 'a']"));
    assertEquals(ExportColumnType.JSON_TEXT, typeOf("[[1, 2], [3]]"));
    assertEquals(ExportColumnType.JSON_TEXT, typeOf("[{'a': 1}]"));
    assertEquals(ExportColumnType.JSON_TEXT, typeOf());
    assertEquals(
        new ExportColumnType.Struct(Map.of("a", ExportColumnType.JSON_TEXT)),
        typeOf("{'a': 1}", "{'a': true}"));
    assertEquals(
        new ExportColumnType.ListOf(ExportColumnType.INT64), typeOf("[]", "[1, null]", "[]"));
  }
}
