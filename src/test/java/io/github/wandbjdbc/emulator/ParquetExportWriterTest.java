package io.github.wandbjdbc.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.Test;

/** Export files read back with parquet-java hold the live rows, value for value. */
class ParquetExportWriterTest {
  private static final List<String> ROWS =
      List.of(
          "{'_step': 0, '_runtime': 1.5, '_timestamp': 1700000000.25, 'train/loss': 2.5,"
              + " 'eval.f1': 1, 'mixed': 1, 'empty': {}, 'flags': [true, null],"
              + " 'hist': {'_type': 'histogram', 'bins': [0, 0.5, 1], 'values': [3, 4]}}",
          "{'_step': 1, '_runtime': 2, '_timestamp': 1700000001, 'train/loss': NaN,"
              + " 'eval.f1': 0.5, 'phase': 'warmup', 'mixed': 'a', 'grid': [[1, 2], [3]],"
              + " 'opt': {'name': 'adam', 'betas': [0.9, 0.99], 'nested': {'wd': 0}}}",
          "{'_step': 5, '_runtime': 3.5, 'train/loss': Infinity, 'phase': null,"
              + " 'mixed': {'x': [1]}, 'ok': false, 'flags': [],"
              + " 'hist': {'_type': 'histogram', 'bins': [1, 2], 'values': [5]}}");
  private static final Set<String> JSON_TEXT_KEYS = Set.of("mixed", "empty", "grid");

  static List<ObjectNode> rows() {
    List<ObjectNode> rows = new ArrayList<>();
    ROWS.forEach(row -> rows.add((ObjectNode) HandBuiltRun.json(row)));
    return rows;
  }

  @Test
  void everyShapeReadsBackAsLogged() {
    List<ObjectNode> rows = rows();
    ParquetContents file =
        ParquetContents.read(ParquetExportWriter.write(ExportSchema.of(rows, false), rows));
    MessageType schema = file.schema();
    List<String> names = schema.getFields().stream().map(Type::getName).toList();
    assertEquals(
        List.of(
            "_step",
            "_runtime",
            "_timestamp",
            "train/loss",
            "eval.f1",
            "mixed",
            "empty",
            "flags",
            "hist",
            "phase",
            "grid",
            "opt",
            "ok"),
        names);
    assertEquals(PrimitiveTypeName.INT64, primitive(schema, "_step"));
    assertEquals(PrimitiveTypeName.DOUBLE, primitive(schema, "_runtime"));
    assertEquals(PrimitiveTypeName.DOUBLE, primitive(schema, "_timestamp"));
    assertEquals(PrimitiveTypeName.DOUBLE, primitive(schema, "eval.f1"));
    assertEquals(PrimitiveTypeName.BOOLEAN, primitive(schema, "ok"));
    for (String text : List.of("phase", "mixed", "empty", "grid")) {
      assertEquals(PrimitiveTypeName.BINARY, primitive(schema, text));
      assertEquals(
          LogicalTypeAnnotation.stringType(), schema.getType(text).getLogicalTypeAnnotation());
    }
    assertEquals(
        "optional group flags (LIST) {\n  repeated group list {\n    optional boolean element;\n  }\n}",
        schema.getType("flags").toString().trim());
    GroupType hist = schema.getType("hist").asGroupType();
    assertEquals(
        List.of("_type", "bins", "values"), hist.getFields().stream().map(Type::getName).toList());
    GroupType opt = schema.getType("opt").asGroupType();
    assertEquals(
        PrimitiveTypeName.INT64,
        opt.getType("nested").asGroupType().getType("wd").asPrimitiveType().getPrimitiveTypeName());
    assertEquals(
        CompressionCodecName.SNAPPY, file.rowGroups().get(0).getColumns().get(0).getCodec());

    for (int i = 0; i < rows.size(); i++) {
      assertEquals(expected(rows.get(i), schema, JSON_TEXT_KEYS), file.rows().get(i), "row " + i);
    }
    assertEquals("\"a\"", file.rows().get(1).get("mixed").asText());
    assertEquals("{\"x\":[1]}", file.rows().get(2).get("mixed").asText());
    assertEquals("{}", file.rows().get(0).get("empty").asText());
    assertEquals("[[1,2],[3]]", file.rows().get(1).get("grid").asText());
  }

  @Test
  void stepMayBeWrittenAsDouble() {
    List<ObjectNode> rows = rows();
    ParquetContents file =
        ParquetContents.read(ParquetExportWriter.write(ExportSchema.of(rows, true), rows));
    assertEquals(PrimitiveTypeName.DOUBLE, primitive(file.schema(), "_step"));
    assertEquals(5.0, file.rows().get(2).get("_step").doubleValue());
  }

  @Test
  void rowGroupsHoldAThousandRowsWithStepStatistics() {
    List<ObjectNode> rows = new ArrayList<>();
    for (int step = 0; step < 2_500; step++) {
      rows.add(TestData.NODES.objectNode().put("_step", 2L * step).put("loss", step / 7.0));
    }
    ParquetContents file =
        ParquetContents.read(ParquetExportWriter.write(ExportSchema.of(rows, false), rows));
    assertEquals(3, file.rowGroups().size());
    assertEquals(
        List.of(1_000L, 1_000L, 500L),
        file.rowGroups().stream().map(b -> b.getRowCount()).toList());
    Statistics<?> second = file.statistics(1, "_step");
    assertEquals(2_000L, second.genericGetMin());
    assertEquals(3_998L, second.genericGetMax());
    assertEquals(rows.size(), file.rows().size());
    assertEquals(expected(rows.get(2_499), file.schema(), Set.of()), file.rows().get(2_499));
  }

  private static PrimitiveTypeName primitive(GroupType schema, String name) {
    return schema.getType(name).asPrimitiveType().getPrimitiveTypeName();
  }

  /**
   * A live row as the file should hold it, guided by the file's own schema: nulls left out, numbers
   * widened to the column's type, values of JSON-text columns as their JSON text.
   */
  static ObjectNode expected(ObjectNode row, GroupType schema, Set<String> jsonTextKeys) {
    ObjectNode expected = TestData.NODES.objectNode();
    for (Type field : schema.getFields()) {
      JsonNode value = row.get(field.getName());
      if (value != null && !value.isNull()) {
        expected.set(
            field.getName(), expected(value, field, jsonTextKeys.contains(field.getName())));
      }
    }
    return expected;
  }

  private static JsonNode expected(JsonNode value, Type type, boolean jsonText) {
    if (jsonText) {
      return TestData.NODES.textNode(JsonText.write(value));
    }
    if (!type.isPrimitive()) {
      if (type.getLogicalTypeAnnotation() == null) {
        return expected((ObjectNode) value, type.asGroupType(), Set.of());
      }
      Type element = type.asGroupType().getType(0).asGroupType().getType(0);
      ArrayNode array = TestData.NODES.arrayNode();
      value.forEach(item -> array.add(item.isNull() ? item : expected(item, element, false)));
      return array;
    }
    return switch (type.asPrimitiveType().getPrimitiveTypeName()) {
      case INT64 -> TestData.NODES.numberNode(value.longValue());
      case DOUBLE -> TestData.NODES.numberNode(value.doubleValue());
      default -> value;
    };
  }
}
