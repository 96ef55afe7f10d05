package io.github.wandbjdbc.client.histories;

import io.airlift.compress.Decompressor;
import io.airlift.compress.MalformedInputException;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Decompresses the pages of exported parquet files in pure Java: snappy, zstd and LZ4 with
 * aircompressor, gzip with the JDK. parquet-java's own factory goes through Hadoop's codec classes
 * and JNI libraries, which neither a BI tool's class path nor a relocated driver jar has. Another
 * codec fails the file's read, and the run is read live instead.
 */
final class ExportCodecs implements CompressionCodecFactory {

  @Override
  public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
    return switch (codec) {
      case UNCOMPRESSED -> new Pages(null);
      case SNAPPY -> new Pages(new SnappyDecompressor());
      case ZSTD -> new Pages(new ZstdDecompressor());
      case LZ4_RAW -> new Pages(new Lz4Decompressor());
      case GZIP ->
          new Pages(null) {
            @Override
            byte[] decompress(byte[] input, int size) throws IOException {
              try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(input))) {
                return in.readNBytes(size);
              }
            }
          };
      default ->
          throw new UnsupportedOperationException(
              "export pages compressed with " + codec + " cannot be read");
    };
  }

  @Override
  public BytesInputCompressor getCompressor(CompressionCodecName codec) {
    throw new UnsupportedOperationException("the driver writes no parquet");
  }

  @Override
  public void release() {}

  /** One codec's page decompression; {@code codec} null means the pages are not compressed. */
  private static class Pages implements BytesInputDecompressor {
    private final Decompressor codec;

    Pages(Decompressor codec) {
      this.codec = codec;
    }

    @Override
    public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
      return BytesInput.from(decompress(bytes.toInputStream().readAllBytes(), uncompressedSize));
    }

    @Override
    public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int size)
        throws IOException {
      byte[] in = new byte[compressedSize];
      input.get(in);
      output.put(decompress(in, size));
    }

    byte[] decompress(byte[] input, int size) throws IOException {
      if (codec == null) {
        return input;
      }
      byte[] out = new byte[size];
      try {
        int written = codec.decompress(input, 0, input.length, out, 0, size);
        if (written != size) {
          throw new IOException("a page decompressed to " + written + " bytes, not " + size);
        }
      } catch (MalformedInputException e) {
        throw new IOException("a compressed page is damaged", e);
      }
      return out;
    }

    @Override
    public void release() {}
  }
}
