package io.github.wandbjdbc.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * The parquet type of one history key in a run's export, inferred from the key's non-null values in
 * that run (absent keys and explicit nulls are parquet nulls; every column is optional):
 *
 * <ul>
 *   <li>all JSON integers that fit a long: INT64;
 *   <li>numbers otherwise (non-integral, NaN, ±Infinity, integers mixed with those): DOUBLE;
 *   <li>all strings: BINARY (STRING);
 *   <li>all booleans: BOOLEAN;
 *   <li>all objects (histograms, media objects, nested dicts): a group (STRUCT) whose fields are
 *       the union of the objects' members in order of first appearance, each typed by this rule
 *       over that member's values;
 *   <li>all arrays: a 3-level LIST ({@code optional group k (LIST) { repeated group list { optional
 *       T element; } }}) whose element is INT64, DOUBLE, STRING or BOOLEAN by this rule over all
 *       elements (null elements are null);
 *   <li>anything else: BINARY (STRING) holding each value's JSON text, written as Python's {@code
 *       json.dumps} writes it (bare NaN and Infinity): a key with values of more than one JSON kind
 *       (e.g. numbers and strings), objects that are all empty, arrays that are all empty or hold
 *       objects, arrays or mixed kinds, and a key whose values are all null.
 * </ul>
 *
 * <p>A group cannot be empty and a LIST needs one element type, hence the JSON-text fallback: it
 * keeps every value, and {@code historyKeys} lists each JSON kind of a mixed key separately.
 */
sealed interface ExportColumnType {
  ExportColumnType INT64 = new Int64();
  ExportColumnType DOUBLE = new Float64();
  ExportColumnType STRING = new Text();
  ExportColumnType BOOLEAN = new Bool();
  ExportColumnType JSON_TEXT = new JsonText();

  /** The type of these non-null values. */
  static ExportColumnType of(List<JsonNode> values) {
    Set<Kind> kinds = EnumSet.noneOf(Kind.class);
    values.forEach(value -> kinds.add(Kind.of(value)));
    if (kinds.isEmpty()) {
      return JSON_TEXT;
    }
    if (kinds.equals(EnumSet.of(Kind.OBJECT))) {
      return struct(values);
    }
    if (kinds.equals(EnumSet.of(Kind.ARRAY))) {
      return list(values);
    }
    return scalar(kinds);
  }

  /** The parquet field of a column (or struct member) of this type. */
  Type toParquet(String name);

  record Int64() implements ExportColumnType {
    @Override
    public Type toParquet(String name) {
      return Types.optional(PrimitiveTypeName.INT64).named(name);
    }
  }

  record Float64() implements ExportColumnType {
    @Override
    public Type toParquet(String name) {
      return Types.optional(PrimitiveTypeName.DOUBLE).named(name);
    }
  }

  record Text() implements ExportColumnType {
    @Override
    public Type toParquet(String name) {
      return Types.optional(PrimitiveTypeName.BINARY)
          .as(LogicalTypeAnnotation.stringType())
          .named(name);
    }
  }

  record Bool() implements ExportColumnType {
    @Override
    public Type toParquet(String name) {
      return Types.optional(PrimitiveTypeName.BOOLEAN).named(name);
    }
  }

  /** A value of any shape, as JSON text in a STRING column. */
  record JsonText() implements ExportColumnType {
    @Override
    public Type toParquet(String name) {
      return STRING.toParquet(name);
    }
  }

  record Struct(Map<String, ExportColumnType> fields) implements ExportColumnType {
    public Struct {
      fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    @Override
    public Type toParquet(String name) {
      List<Type> members = new ArrayList<>();
      fields.forEach((member, type) -> members.add(type.toParquet(member)));
      return Types.optionalGroup().addFields(members.toArray(Type[]::new)).named(name);
    }
  }

  record ListOf(ExportColumnType element) implements ExportColumnType {
    @Override
    public Type toParquet(String name) {
      return Types.optionalGroup()
          .as(LogicalTypeAnnotation.listType())
          .addField(Types.repeatedGroup().addField(element.toParquet("element")).named("list"))
          .named(name);
    }
  }

  private static ExportColumnType struct(List<JsonNode> objects) {
    Map<String, List<JsonNode>> members = new LinkedHashMap<>();
    for (JsonNode object : objects) {
      object
          .fields()
          .forEachRemaining(
              member -> {
                List<JsonNode> memberValues =
                    members.computeIfAbsent(member.getKey(), k -> new ArrayList<>());
                if (!member.getValue().isNull()) {
                  memberValues.add(member.getValue());
                }
              });
    }
    if (members.isEmpty()) {
      return JSON_TEXT;
    }
    Map<String, ExportColumnType> fields = new LinkedHashMap<>();
    members.forEach((member, memberValues) -> fields.put(member, of(memberValues)));
    return new Struct(fields);
  }

  private static ExportColumnType list(List<JsonNode> arrays) {
    Set<Kind> kinds = EnumSet.noneOf(Kind.class);
    for (JsonNode array : arrays) {
      array.forEach(element -> kinds.add(Kind.of(element)));
    }
    kinds.remove(Kind.NULL);
    ExportColumnType element = scalar(kinds);
    return kinds.isEmpty() || element == JSON_TEXT ? JSON_TEXT : new ListOf(element);
  }

  private static ExportColumnType scalar(Set<Kind> kinds) {
    if (kinds.equals(EnumSet.of(Kind.INTEGER))) {
      return INT64;
    }
    if (EnumSet.of(Kind.INTEGER, Kind.NUMBER).containsAll(kinds)) {
      return DOUBLE;
    }
    if (kinds.equals(EnumSet.of(Kind.STRING))) {
      return STRING;
    }
    return kinds.equals(EnumSet.of(Kind.BOOLEAN)) ? BOOLEAN : JSON_TEXT;
  }

  /** JSON kinds as the rule distinguishes them. */
  enum Kind {
    NULL,
    INTEGER,
    NUMBER,
    STRING,
    BOOLEAN,
    OBJECT,
    ARRAY;

    static Kind of(JsonNode value) {
      if (value.isNull()) {
        return NULL;
      }
      if (value.isIntegralNumber()) {
        return value.canConvertToLong() ? INTEGER : NUMBER;
      }
      if (value.isNumber()) {
        return NUMBER;
      }
      if (value.isTextual()) {
        return STRING;
      }
      if (value.isBoolean()) {
        return BOOLEAN;
      }
      return value.isObject() ? OBJECT : ARRAY;
    }
  }
}
