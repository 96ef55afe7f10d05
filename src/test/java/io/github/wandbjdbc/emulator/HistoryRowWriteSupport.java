package io.github.wandbjdbc.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/** Writes history rows (JSON objects) as records of an {@link ExportSchema}. */
final class HistoryRowWriteSupport extends WriteSupport<ObjectNode> {
  private final ExportSchema schema;
  private RecordConsumer consumer;

  HistoryRowWriteSupport(ExportSchema schema) {
    this.schema = schema;
  }

  /** Required by the abstract class; parquet-java calls the ParquetConfiguration variant. */
  @Override
  @SuppressWarnings("deprecation")
  public WriteContext init(Configuration configuration) {
    return new WriteContext(schema.parquet(), Map.of());
  }

  @Override
  public WriteContext init(ParquetConfiguration configuration) {
    return new WriteContext(schema.parquet(), Map.of());
  }

  @Override
  public void prepareForWrite(RecordConsumer recordConsumer) {
    this.consumer = recordConsumer;
  }

  @Override
  public void write(ObjectNode row) {
    consumer.startMessage();
    writeFields(row, schema.columns());
    consumer.endMessage();
  }

  private void writeFields(JsonNode object, Map<String, ExportColumnType> fields) {
    int index = 0;
    for (Map.Entry<String, ExportColumnType> field : fields.entrySet()) {
      JsonNode value = object.get(field.getKey());
      if (writable(value, field.getValue())) {
        consumer.startField(field.getKey(), index);
        writeValue(value, field.getValue());
        consumer.endField(field.getKey(), index);
      }
      index++;
    }
  }

  private void writeValue(JsonNode value, ExportColumnType type) {
    if (type instanceof ExportColumnType.Int64) {
      consumer.addLong(value.longValue());
    } else if (type instanceof ExportColumnType.Float64) {
      consumer.addDouble(value.doubleValue());
    } else if (type instanceof ExportColumnType.Text) {
      consumer.addBinary(Binary.fromString(value.textValue()));
    } else if (type instanceof ExportColumnType.Bool) {
      consumer.addBoolean(value.booleanValue());
    } else if (type instanceof ExportColumnType.Struct struct) {
      consumer.startGroup();
      writeFields(value, struct.fields());
      consumer.endGroup();
    } else if (type instanceof ExportColumnType.ListOf list) {
      writeList(value, list.element());
    } else {
      consumer.addBinary(Binary.fromString(JsonText.write(value)));
    }
  }

  /** The 3-level LIST layout; an empty array is a group without its repeated field. */
  private void writeList(JsonNode array, ExportColumnType element) {
    consumer.startGroup();
    if (!array.isEmpty()) {
      consumer.startField("list", 0);
      for (JsonNode item : array) {
        consumer.startGroup();
        if (!item.isNull()) {
          consumer.startField("element", 0);
          writeValue(item, element);
          consumer.endField("element", 0);
        }
        consumer.endGroup();
      }
      consumer.endField("list", 0);
    }
    consumer.endGroup();
  }

  /** Nulls, and non-numbers in the forced numeric columns, are left out (parquet nulls). */
  private static boolean writable(JsonNode value, ExportColumnType type) {
    if (value == null || value.isNull()) {
      return false;
    }
    return !(type instanceof ExportColumnType.Int64 || type instanceof ExportColumnType.Float64)
        || value.isNumber();
  }
}
