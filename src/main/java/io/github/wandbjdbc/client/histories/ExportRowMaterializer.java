package io.github.wandbjdbc.client.histories;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.function.Consumer;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Turns exported parquet records into history rows as W&B's live API sends them: a JSON object with
 * a member per non-null column, groups as objects (their null members left out, as a logged dict
 * has no member for them), LIST columns as arrays, and {@code _step} as an integer. {@link
 * ExportColumns} has checked that every column maps.
 */
final class ExportRowMaterializer extends RecordMaterializer<ObjectNode> {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ObjectConverter root;
  private ObjectNode current;

  ExportRowMaterializer(MessageType schema) {
    this.root = new ObjectConverter(schema, row -> current = row, true);
  }

  @Override
  public ObjectNode getCurrentRecord() {
    return current;
  }

  @Override
  public GroupConverter getRootConverter() {
    return root;
  }

  private static Converter converter(Type type, Consumer<JsonNode> sink, boolean step) {
    if (type.isPrimitive()) {
      return new ValueConverter(sink, step);
    }
    GroupType group = type.asGroupType();
    return ExportColumns.isList(group)
        ? new ListConverter(group, sink)
        : new ObjectConverter(group, sink::accept, false);
  }

  /** A row or a logged dict: an object with a member per non-null field. */
  private static final class ObjectConverter extends GroupConverter {
    private final Converter[] fields;
    private final Consumer<ObjectNode> sink;
    private ObjectNode node;

    ObjectConverter(GroupType type, Consumer<ObjectNode> sink, boolean row) {
      this.sink = sink;
      this.fields = new Converter[type.getFieldCount()];
      for (int i = 0; i < fields.length; i++) {
        String name = type.getFieldName(i);
        boolean step = row && name.equals(ExportColumns.STEP);
        fields[i] = converter(type.getType(i), value -> node.set(name, value), step);
      }
    }

    @Override
    public Converter getConverter(int index) {
      return fields[index];
    }

    @Override
    public void start() {
      node = NODES.objectNode();
    }

    @Override
    public void end() {
      sink.accept(node);
    }
  }

  /** A standard three-level LIST: an array with an element (or null) per entry. */
  private static final class ListConverter extends GroupConverter {
    private final Consumer<JsonNode> sink;
    private final GroupConverter entries;
    private ArrayNode array;
    private JsonNode element;

    ListConverter(GroupType list, Consumer<JsonNode> sink) {
      this.sink = sink;
      Converter value =
          converter(ExportColumns.listEntries(list).getType(0), item -> element = item, false);
      this.entries =
          new GroupConverter() {
            @Override
            public Converter getConverter(int index) {
              return value;
            }

            @Override
            public void start() {
              element = NullNode.instance;
            }

            @Override
            public void end() {
              array.add(element);
            }
          };
    }

    @Override
    public Converter getConverter(int index) {
      return entries;
    }

    @Override
    public void start() {
      array = NODES.arrayNode();
    }

    @Override
    public void end() {
      sink.accept(array);
    }
  }

  /** One number, string or boolean; {@code _step} always as a whole number. */
  private static final class ValueConverter extends PrimitiveConverter {
    private final Consumer<JsonNode> sink;
    private final boolean step;

    ValueConverter(Consumer<JsonNode> sink, boolean step) {
      this.sink = sink;
      this.step = step;
    }

    @Override
    public void addInt(int value) {
      sink.accept(IntNode.valueOf(value));
    }

    @Override
    public void addLong(long value) {
      sink.accept(LongNode.valueOf(value));
    }

    @Override
    public void addDouble(double value) {
      if (!step) {
        sink.accept(DoubleNode.valueOf(value));
      } else if (value == Math.rint(value) && Math.abs(value) < 0x1p53) {
        sink.accept(LongNode.valueOf((long) value));
      } else {
        throw new ExportUnreadableException("a _step value is not a whole number: " + value);
      }
    }

    @Override
    public void addBoolean(boolean value) {
      sink.accept(BooleanNode.valueOf(value));
    }

    @Override
    public void addBinary(Binary value) {
      sink.accept(TextNode.valueOf(value.toStringUsingUTF8()));
    }
  }
}
