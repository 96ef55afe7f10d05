package io.github.wandbjdbc.emulator;

import io.airlift.compress.snappy.SnappyCompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Snappy for parquet-java through aircompressor (pure Java): parquet-java's own codec factory needs
 * Hadoop's codecs and snappy-java's natives, neither of which is on the classpath. Stateless, so
 * one instance serves every writer and reader.
 */
final class SnappyCodecs implements CompressionCodecFactory {
  static final SnappyCodecs INSTANCE = new SnappyCodecs();

  private SnappyCodecs() {}

  @Override
  public BytesInputCompressor getCompressor(CompressionCodecName codec) {
    requireSnappy(codec);
    return new BytesInputCompressor() {
      @Override
      public BytesInput compress(BytesInput bytes) throws IOException {
        byte[] input = toArray(bytes);
        SnappyCompressor compressor = new SnappyCompressor();
        byte[] output = new byte[compressor.maxCompressedLength(input.length)];
        int length = compressor.compress(input, 0, input.length, output, 0, output.length);
        return BytesInput.from(output, 0, length);
      }

      @Override
      public CompressionCodecName getCodecName() {
        return CompressionCodecName.SNAPPY;
      }

      @Override
      public void release() {}
    };
  }

  @Override
  public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
    requireSnappy(codec);
    return new BytesInputDecompressor() {
      @Override
      public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
        byte[] input = toArray(bytes);
        return BytesInput.from(uncompress(input, uncompressedSize));
      }

      @Override
      public void decompress(
          ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
          throws IOException {
        byte[] compressed = new byte[compressedSize];
        input.get(compressed);
        output.put(uncompress(compressed, uncompressedSize));
      }

      @Override
      public void release() {}
    };
  }

  @Override
  public void release() {}

  private static byte[] toArray(BytesInput bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) bytes.size());
    bytes.writeAllTo(out);
    return out.toByteArray();
  }

  private static byte[] uncompress(byte[] input, int uncompressedSize) {
    byte[] output = new byte[uncompressedSize];
    new SnappyDecompressor().decompress(input, 0, input.length, output, 0, uncompressedSize);
    return output;
  }

  private static void requireSnappy(CompressionCodecName codec) {
    if (codec != CompressionCodecName.SNAPPY) {
      throw new IllegalArgumentException("the emulator's exports use snappy only, not " + codec);
    }
  }
}
