package io.github.wandbjdbc.client;

import io.github.wandbjdbc.client.ParquetHistoryReplay.Rows;
import io.github.wandbjdbc.client.histories.ExportCodecsForTests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * One export file as the official client's Go reader (arrow-go) reads it. Remote (a scan of keys):
 * {@code HEAD} for the length, one range read of the last 64 KiB (arrow's default footer read; the
 * whole file when smaller), and for each step range asked, one range read per column chunk of
 * {@code _step} and the key in every row group whose {@code _step} statistics meet the range, read
 * again on every call, as the reader makes a new record reader per page. Local (whole rows): the
 * file downloaded whole, every column decoded. Values are decoded with parquet-java.
 */
final class OfficialClientParquetFile {
  static final String STEP = "_step";
  private static final int FOOTER_READ = 64 * 1024;

  private final SignedUrlRequests http;
  private final String url;
  private final FetchedBytes bytes;
  private final ParquetFileReader reader;

  private OfficialClientParquetFile(SignedUrlRequests http, String url, FetchedBytes bytes) {
    this.http = http;
    this.url = url;
    this.bytes = bytes;
    try {
      this.reader =
          new ParquetFileReader(
              bytes,
              ParquetReadOptions.builder(new PlainParquetConfiguration())
                  .withCodecFactory(ExportCodecsForTests.codecs())
                  .build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static OfficialClientParquetFile remote(SignedUrlRequests http, String url) {
    long length = http.length(url);
    FetchedBytes bytes = new FetchedBytes(length);
    long tailFrom = Math.max(0, length - FOOTER_READ);
    byte[] tail = http.range(url, tailFrom, length - tailFrom);
    bytes.add(tailFrom, tail);
    long footerFrom = length - 8 - footerLength(tail);
    if (footerFrom < tailFrom) {
      bytes.add(footerFrom, http.range(url, footerFrom, tailFrom - footerFrom));
    }
    return new OfficialClientParquetFile(http, url, bytes);
  }

  static OfficialClientParquetFile local(byte[] file) {
    FetchedBytes bytes = new FetchedBytes(file.length);
    bytes.add(0, file);
    return new OfficialClientParquetFile(null, null, bytes);
  }

  /** The rows with steps {@code from} (inclusive) to {@code to} (exclusive), {@code key} read. */
  void readSteps(long from, long to, String key, Rows rows) {
    MessageType file = schema();
    List<Type> fields = new ArrayList<>();
    for (Type field : file.getFields()) {
      if (field.getName().equals(STEP) || field.getName().equals(key)) {
        fields.add(field);
      }
    }
    MessageType projection = new MessageType(file.getName(), fields);
    List<BlockMetaData> groups = reader.getRowGroups();
    for (int i = 0; i < groups.size(); i++) {
      if (meets(groups.get(i), from, to)) {
        for (ColumnChunkMetaData chunk : groups.get(i).getColumns()) {
          if (projection.containsPath(chunk.getPath().toArray())) {
            long start = chunk.getStartingPos();
            bytes.add(start, http.range(url, start, chunk.getTotalSize()));
          }
        }
        decode(i, projection, key, from, to, rows);
      }
    }
  }

  /** Every row, every column decoded, {@code key} handed over. */
  void readAll(String key, Rows rows) {
    for (int i = 0; i < reader.getRowGroups().size(); i++) {
      decode(i, schema(), key, Long.MIN_VALUE, Long.MAX_VALUE, rows);
    }
  }

  private MessageType schema() {
    return reader.getFooter().getFileMetaData().getSchema();
  }

  private void decode(
      int group, MessageType projection, String key, long from, long to, Rows rows) {
    try {
      reader.setRequestedSchema(projection);
      PageReadStore pages = reader.readRowGroup(group);
      RecordReader<Group> records =
          new ColumnIOFactory()
              .getColumnIO(projection, schema())
              .getRecordReader(pages, new GroupRecordConverter(projection));
      for (long i = 0; i < pages.getRowCount(); i++) {
        Group row = records.read();
        long step = number(row, STEP).longValue();
        if (step >= from && step < to) {
          Number value = projection.containsField(key) ? number(row, key) : null;
          rows.row(step, value == null ? null : value.doubleValue());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A numeric root column's value, null when the row has none. */
  private static Number number(Group row, String field) {
    if (row.getFieldRepetitionCount(field) == 0) {
      return null;
    }
    PrimitiveType type = row.getType().getType(field).asPrimitiveType();
    return switch (type.getPrimitiveTypeName()) {
      case INT64 -> row.getLong(field, 0);
      case INT32 -> row.getInteger(field, 0);
      case DOUBLE -> row.getDouble(field, 0);
      case FLOAT -> row.getFloat(field, 0);
      default -> throw new IllegalStateException(field + " is not a number: " + type);
    };
  }

  /** Whether a row group may hold steps in [from, to), as the Go reader decides from statistics. */
  private static boolean meets(BlockMetaData group, long from, long to) {
    for (ColumnChunkMetaData column : group.getColumns()) {
      if (column.getPath().toDotString().equals(STEP)) {
        Statistics<?> stats = column.getStatistics();
        if (stats == null || !stats.hasNonNullValue()) {
          return true;
        }
        double min = ((Number) stats.genericGetMin()).doubleValue();
        double max = ((Number) stats.genericGetMax()).doubleValue();
        return min < to && max >= from;
      }
    }
    return true;
  }

  /** The footer length a parquet file's last 8 bytes state (little endian, before "PAR1"). */
  private static int footerLength(byte[] tail) {
    return ByteBuffer.wrap(tail, tail.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
  }
}
