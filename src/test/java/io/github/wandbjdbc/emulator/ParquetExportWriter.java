package io.github.wandbjdbc.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * Writes one export file in memory with parquet-java: snappy, row groups of {@value
 * #ROWS_PER_ROW_GROUP} rows (so a reader can skip row groups by their {@code _step} statistics,
 * which parquet-java writes by default).
 */
final class ParquetExportWriter {
  static final int ROWS_PER_ROW_GROUP = 1_000;

  private ParquetExportWriter() {}

  static byte[] write(ExportSchema schema, List<ObjectNode> rows) {
    BytesOutputFile file = new BytesOutputFile();
    try (ParquetWriter<ObjectNode> writer =
        new Builder(file, schema)
            .withConf(new PlainParquetConfiguration())
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .withCodecFactory(SnappyCodecs.INSTANCE)
            .withRowGroupRowCountLimit(ROWS_PER_ROW_GROUP)
            .build()) {
      for (ObjectNode row : rows) {
        writer.write(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a parquet export", e);
    }
    return file.bytes.toByteArray();
  }

  private static final class Builder extends ParquetWriter.Builder<ObjectNode, Builder> {
    private final ExportSchema schema;

    Builder(OutputFile file, ExportSchema schema) {
      super(file);
      this.schema = schema;
    }

    @Override
    protected Builder self() {
      return this;
    }

    /** Abstract in the builder; unused as the writer is given a ParquetConfiguration. */
    @Override
    @SuppressWarnings("deprecation")
    protected WriteSupport<ObjectNode> getWriteSupport(Configuration conf) {
      return new HistoryRowWriteSupport(schema);
    }

    @Override
    protected WriteSupport<ObjectNode> getWriteSupport(ParquetConfiguration conf) {
      return new HistoryRowWriteSupport(schema);
    }
  }

  private static final class BytesOutputFile implements OutputFile {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Override
    public PositionOutputStream create(long blockSizeHint) {
      return new PositionOutputStream() {
        @Override
        public long getPos() {
          return bytes.size();
        }

        @Override
        public void write(int b) {
          bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
          bytes.write(b, off, len);
        }
      };
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) {
      return create(blockSizeHint);
    }

    @Override
    public boolean supportsBlockSize() {
      return false;
    }

    @Override
    public long defaultBlockSize() {
      return 0;
    }

    @Override
    public String getPath() {
      return "memory:export.parquet";
    }
  }
}
