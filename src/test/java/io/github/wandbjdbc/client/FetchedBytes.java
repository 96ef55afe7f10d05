package io.github.wandbjdbc.client;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.TreeMap;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A file of known length of which only some byte ranges were fetched: parquet-java reads through
 * it, and a read of any byte not fetched fails, so the replay's requests are exactly the ones it
 * makes itself, never ones parquet-java would choose.
 */
final class FetchedBytes implements InputFile {
  private final long length;
  private final TreeMap<Long, byte[]> ranges = new TreeMap<>();

  FetchedBytes(long length) {
    this.length = length;
  }

  void add(long from, byte[] bytes) {
    ranges.put(from, bytes);
  }

  @Override
  public long getLength() {
    return length;
  }

  @Override
  public SeekableInputStream newStream() {
    return new Stream();
  }

  private void copy(long position, byte[] buffer, int offset, int count) throws IOException {
    while (count > 0) {
      Map.Entry<Long, byte[]> range = ranges.floorEntry(position);
      long inRange = range == null ? -1 : position - range.getKey();
      if (range == null || inRange >= range.getValue().length) {
        throw new IOException("byte " + position + " was not fetched");
      }
      int n = (int) Math.min(count, range.getValue().length - inRange);
      System.arraycopy(range.getValue(), (int) inRange, buffer, offset, n);
      position += n;
      offset += n;
      count -= n;
    }
  }

  private final class Stream extends SeekableInputStream {
    private long position;

    @Override
    public long getPos() {
      return position;
    }

    @Override
    public void seek(long newPosition) {
      position = newPosition;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) throws IOException {
      if (position >= length) {
        return -1;
      }
      int n = (int) Math.min(count, length - position);
      readFully(buffer, offset, n);
      return n;
    }

    @Override
    public void readFully(byte[] buffer) throws IOException {
      readFully(buffer, 0, buffer.length);
    }

    @Override
    public void readFully(byte[] buffer, int offset, int count) throws IOException {
      if (position + count > length) {
        throw new EOFException("read past the end of the file");
      }
      copy(position, buffer, offset, count);
      position += count;
    }

    @Override
    public int read(ByteBuffer buffer) throws IOException {
      int n = (int) Math.min(buffer.remaining(), length - position);
      if (n <= 0) {
        return buffer.hasRemaining() ? -1 : 0;
      }
      byte[] bytes = new byte[n];
      readFully(bytes, 0, n);
      buffer.put(bytes);
      return n;
    }

    @Override
    public void readFully(ByteBuffer buffer) throws IOException {
      byte[] bytes = new byte[buffer.remaining()];
      readFully(bytes, 0, bytes.length);
      buffer.put(bytes);
    }
  }
}
