package io.github.wandbjdbc.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * A parquet file read back with parquet-java, for the emulator's tests: its schema, its row groups
 * and its rows as JSON objects (nulls left out, STRUCTs as objects, LISTs as arrays).
 */
record ParquetContents(MessageType schema, List<BlockMetaData> rowGroups, List<ObjectNode> rows) {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  static ParquetContents read(byte[] file) {
    try (ParquetFileReader reader =
        new ParquetFileReader(
            new BytesInputFile(file),
            ParquetReadOptions.builder(new PlainParquetConfiguration())
                .withCodecFactory(SnappyCodecs.INSTANCE)
                .build())) {
      MessageType schema = reader.getFooter().getFileMetaData().getSchema();
      List<ObjectNode> rows = new ArrayList<>();
      PageReadStore rowGroup;
      while ((rowGroup = reader.readNextRowGroup()) != null) {
        RecordReader<Group> records =
            new ColumnIOFactory()
                .getColumnIO(schema)
                .getRecordReader(rowGroup, new GroupRecordConverter(schema));
        for (long i = 0; i < rowGroup.getRowCount(); i++) {
          rows.add(object(records.read()));
        }
      }
      return new ParquetContents(schema, reader.getFooter().getBlocks(), rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The min/max statistics of a root column in one row group. */
  Statistics<?> statistics(int rowGroup, String column) {
    for (ColumnChunkMetaData chunk : rowGroups.get(rowGroup).getColumns()) {
      if (chunk.getPath().toArray().length == 1 && chunk.getPath().toArray()[0].equals(column)) {
        return chunk.getStatistics();
      }
    }
    throw new IllegalArgumentException("no column " + column);
  }

  private static ObjectNode object(Group group) {
    ObjectNode object = NODES.objectNode();
    GroupType type = group.getType();
    for (int i = 0; i < type.getFieldCount(); i++) {
      if (group.getFieldRepetitionCount(i) > 0) {
        object.set(type.getFieldName(i), value(group, i));
      }
    }
    return object;
  }

  private static JsonNode value(Group group, int field) {
    Type type = group.getType().getType(field);
    if (!type.isPrimitive()) {
      Group inner = group.getGroup(field, 0);
      if (!(type.getLogicalTypeAnnotation()
          instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation)) {
        return object(inner);
      }
      ArrayNode array = NODES.arrayNode();
      for (int i = 0; i < inner.getFieldRepetitionCount(0); i++) {
        Group item = inner.getGroup(0, i);
        array.add(item.getFieldRepetitionCount(0) == 0 ? NODES.nullNode() : value(item, 0));
      }
      return array;
    }
    return switch (type.asPrimitiveType().getPrimitiveTypeName()) {
      case INT64 -> NODES.numberNode(group.getLong(field, 0));
      case DOUBLE -> NODES.numberNode(group.getDouble(field, 0));
      case BOOLEAN -> NODES.booleanNode(group.getBoolean(field, 0));
      case BINARY -> NODES.textNode(group.getString(field, 0));
      default -> throw new IllegalStateException("unexpected type " + type);
    };
  }

  private static final class BytesInputFile implements InputFile {
    private final byte[] bytes;

    BytesInputFile(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public long getLength() {
      return bytes.length;
    }

    @Override
    public SeekableInputStream newStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(bytes);
      return new DelegatingSeekableInputStream(in) {
        @Override
        public long getPos() {
          return bytes.length - in.available();
        }

        @Override
        public void seek(long position) {
          in.reset();
          in.skip(position);
        }
      };
    }
  }
}
