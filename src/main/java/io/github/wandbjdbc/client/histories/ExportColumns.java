package io.github.wandbjdbc.client.histories;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Which root columns of an exported file a read fetches, and whether each maps back exactly to the
 * values W&B's live API returns for that key.
 *
 * <p>A column maps back when its type is one the live JSON can only have come from: INT32/INT64 and
 * DOUBLE for numbers, BOOLEAN, UTF-8 strings, a standard three-level LIST of such values, or a
 * group of them (a logged dict, histogram or media object). The run's {@code historyKeys} must
 * agree: a key W&B counted with more than one type (its exporter's choice for those is unknown) or
 * with a type the column cannot hold makes the file unreadable for this read, and the run is read
 * live. Keys a file lacks are simply absent from its rows.
 */
final class ExportColumns {
  static final String STEP = "_step";

  private ExportColumns() {}

  /**
   * The projection of {@code file} to {@code _step} and {@code keys} (every column when null),
   * checked against {@code historyKeys} (the run's; may be null).
   */
  static MessageType projection(MessageType file, List<String> keys, JsonNode historyKeys) {
    if (!file.containsField(STEP) || !isStep(file.getType(STEP))) {
      throw new ExportUnreadableException("the file has no numeric _step column");
    }
    List<Type> fields = new ArrayList<>();
    Set<String> wanted = keys == null ? null : new HashSet<>(keys);
    for (Type field : file.getFields()) {
      String name = field.getName();
      if (name.equals(STEP) || wanted == null || wanted.contains(name)) {
        if (!name.equals(STEP)) {
          check(name, field, historyKeys);
        }
        fields.add(field);
      }
    }
    return new MessageType(file.getName(), fields);
  }

  private static boolean isStep(Type type) {
    if (!type.isPrimitive() || type.isRepetition(Type.Repetition.REPEATED)) {
      return false;
    }
    PrimitiveType.PrimitiveTypeName name = type.asPrimitiveType().getPrimitiveTypeName();
    return name == PrimitiveType.PrimitiveTypeName.INT64
        || name == PrimitiveType.PrimitiveTypeName.INT32
        || name == PrimitiveType.PrimitiveTypeName.DOUBLE;
  }

  private static void check(String key, Type column, JsonNode historyKeys) {
    if (!mappable(column)) {
      throw new ExportUnreadableException("column " + key + " has a type the driver cannot map");
    }
    JsonNode counts =
        historyKeys == null ? null : historyKeys.path("keys").path(key).path("typeCounts");
    if (counts == null || !counts.isArray() || counts.isEmpty()) {
      return;
    }
    Set<String> types = new HashSet<>();
    counts.forEach(count -> types.add(count.path("type").asText()));
    if (types.size() > 1) {
      throw new ExportUnreadableException("key " + key + " was logged with types " + types);
    }
    String type = types.iterator().next();
    if (!holds(column, type)) {
      throw new ExportUnreadableException(
          "column " + key + " cannot hold the " + type + " values W&B reports for it");
    }
  }

  /** Whether {@code column} is how an exporter stores values of W&B type {@code type}. */
  private static boolean holds(Type column, String type) {
    return switch (type) {
      case "number" -> column.isPrimitive() && kind(column) == Kind.NUMBER;
      case "string" -> column.isPrimitive() && kind(column) == Kind.STRING;
      case "boolean" -> column.isPrimitive() && kind(column) == Kind.BOOLEAN;
      case "list" -> isList(column);
      default -> !column.isPrimitive() && !isList(column);
    };
  }

  static boolean isList(Type type) {
    return !type.isPrimitive()
        && LogicalTypeAnnotation.listType().equals(type.getLogicalTypeAnnotation());
  }

  /** The repeated group of a standard LIST column; null when the LIST is not in that form. */
  static GroupType listEntries(GroupType list) {
    if (list.getFieldCount() != 1) {
      return null;
    }
    Type entries = list.getType(0);
    return entries.isPrimitive()
            || !entries.isRepetition(Type.Repetition.REPEATED)
            || entries.asGroupType().getFieldCount() != 1
        ? null
        : entries.asGroupType();
  }

  private static boolean mappable(Type type) {
    if (type.isRepetition(Type.Repetition.REPEATED)) {
      return false;
    }
    if (type.isPrimitive()) {
      return kind(type) != null;
    }
    GroupType group = type.asGroupType();
    if (isList(group)) {
      GroupType entries = listEntries(group);
      return entries != null && mappable(entries.getType(0));
    }
    if (group.getLogicalTypeAnnotation() != null || group.getFieldCount() == 0) {
      return false; // MAP and other annotated groups
    }
    return group.getFields().stream().allMatch(ExportColumns::mappable);
  }

  /** The JSON kinds a primitive column maps to. */
  enum Kind {
    NUMBER,
    STRING,
    BOOLEAN
  }

  /** What a primitive column holds; null when it is not a plain number, string or boolean. */
  static Kind kind(Type type) {
    PrimitiveType primitive = type.asPrimitiveType();
    LogicalTypeAnnotation annotation = primitive.getLogicalTypeAnnotation();
    return switch (primitive.getPrimitiveTypeName()) {
      case INT32, INT64 -> annotation == null || isSignedInt(annotation) ? Kind.NUMBER : null;
      case DOUBLE -> annotation == null ? Kind.NUMBER : null;
      case BOOLEAN -> annotation == null ? Kind.BOOLEAN : null;
      case BINARY -> LogicalTypeAnnotation.stringType().equals(annotation) ? Kind.STRING : null;
      default -> null; // FLOAT would print differently from W&B's JSON; INT96, fixed bytes
    };
  }

  private static boolean isSignedInt(LogicalTypeAnnotation annotation) {
    return annotation instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation integer
        && integer.isSigned();
  }
}
