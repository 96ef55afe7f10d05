package io.github.wandbjdbc.client.histories;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;

/**
 * One exported parquet file of a run, opened once: its footer is read on opening, and {@link #rows}
 * reads the row groups whose {@code _step} statistics meet the asked steps, fetching only the
 * projected columns' chunks.
 */
final class ExportFile implements AutoCloseable {
  private static final ExportCodecs CODECS = new ExportCodecs();

  private final ParquetFileReader reader;

  ExportFile(RangeReadFile file) throws IOException {
    ParquetReadOptions options =
        ParquetReadOptions.builder(new PlainParquetConfiguration())
            .withCodecFactory(CODECS)
            .build();
    this.reader = new ParquetFileReader(file, options);
  }

  MessageType schema() {
    return reader.getFooter().getFileMetaData().getSchema();
  }

  /**
   * The byte spans ({@code [offset, length]}) of the column chunks {@link #rows} reads for the same
   * arguments: those of {@code projection}'s columns in the row groups that may hold the steps.
   */
  List<long[]> chunkSpans(MessageType projection, long from, long to) {
    List<long[]> spans = new ArrayList<>();
    for (BlockMetaData group : reader.getRowGroups()) {
      double[] range = stepRange(group);
      if (range != null && (range[1] < from || range[0] >= to)) {
        continue;
      }
      for (ColumnChunkMetaData column : group.getColumns()) {
        if (projection.containsField(column.getPath().toArray()[0])) {
          spans.add(new long[] {column.getStartingPos(), column.getTotalSize()});
        }
      }
    }
    return spans;
  }

  /**
   * The rows of the row groups that may hold steps {@code from} (inclusive) to {@code to}
   * (exclusive), in file order, projected to {@code projection}; rows outside the steps included.
   */
  List<ObjectNode> rows(MessageType projection, long from, long to) throws IOException {
    reader.setRequestedSchema(projection);
    MessageColumnIO columns = new ColumnIOFactory().getColumnIO(projection, schema());
    List<ObjectNode> rows = new ArrayList<>();
    for (BlockMetaData group : reader.getRowGroups()) {
      double[] range = stepRange(group);
      if (range != null && (range[1] < from || range[0] >= to)) {
        reader.skipNextRowGroup();
        continue;
      }
      PageReadStore pages = reader.readNextRowGroup();
      RecordMaterializer<ObjectNode> rowsOut = new ExportRowMaterializer(projection);
      RecordReader<ObjectNode> records = columns.getRecordReader(pages, rowsOut);
      for (long i = 0; i < pages.getRowCount(); i++) {
        rows.add(records.read());
      }
    }
    return rows;
  }

  /** The min and max {@code _step} of a row group, or null when its statistics do not say. */
  private static double[] stepRange(BlockMetaData group) {
    for (ColumnChunkMetaData column : group.getColumns()) {
      if (column.getPath().size() == 1 && column.getPath().toArray()[0].equals("_step")) {
        Statistics<?> stats = column.getStatistics();
        if (stats == null || stats.isEmpty() || !stats.hasNonNullValue()) {
          return null;
        }
        Object min = stats.genericGetMin();
        Object max = stats.genericGetMax();
        return min instanceof Number low && max instanceof Number high
            ? new double[] {low.doubleValue(), high.doubleValue()}
            : null;
      }
    }
    return null;
  }

  /** The step of an exported row (the projection always holds {@code _step}). */
  static long step(ObjectNode row) {
    JsonNode step = row.get(ExportColumns.STEP);
    if (step == null || !step.canConvertToLong()) {
      throw new ExportUnreadableException("an exported row has no _step");
    }
    return step.asLong();
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      // Only the bytes held are released: nothing is left open on the storage host.
    }
  }
}
