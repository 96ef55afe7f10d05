package io.github.wandbjdbc.client.histories;

import io.github.wandbjdbc.client.Cancellation;
import io.github.wandbjdbc.client.transport.FileDownloads;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * An exported file at a signed URL, read by HTTP range requests: opening it fetches its last {@link
 * #TAIL_BYTES} bytes, which tell its length and normally hold the whole footer; every later read
 * fetches exactly the bytes parquet-java asks for (the column chunks it needs, which it reads
 * consecutively). Nothing else of the file is downloaded.
 */
final class RangeReadFile implements InputFile {
  static final int TAIL_BYTES = 8 * 1024;

  private final FileDownloads downloads;
  private final String url;
  private final Cancellation scope;
  private final long length;
  private final byte[] tail;

  RangeReadFile(FileDownloads downloads, String url, Cancellation scope) {
    this.downloads = downloads;
    this.url = url;
    this.scope = scope;
    FileDownloads.Tail answer = downloads.tail(url, TAIL_BYTES, scope);
    this.length = answer.fileLength();
    this.tail = answer.bytes();
  }

  @Override
  public long getLength() {
    return length;
  }

  @Override
  public SeekableInputStream newStream() {
    return new Stream();
  }

  /** A position in the file; reads come from the tail when they fall in it, else from the host. */
  private final class Stream extends SeekableInputStream {
    private long position;

    @Override
    public long getPos() {
      return position;
    }

    @Override
    public void seek(long newPosition) throws IOException {
      if (newPosition < 0 || newPosition > length) {
        throw new EOFException("seek to " + newPosition + " in a file of " + length + " bytes");
      }
      position = newPosition;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) throws IOException {
      if (count == 0) {
        return 0;
      }
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
        throw new EOFException(
            "read of " + count + " bytes at " + position + " past the end (" + length + ")");
      }
      long tailStart = length - tail.length;
      if (position >= tailStart) {
        System.arraycopy(tail, (int) (position - tailStart), buffer, offset, count);
      } else {
        byte[] bytes = downloads.read(url, position, count, scope);
        System.arraycopy(bytes, 0, buffer, offset, count);
      }
      position += count;
    }

    @Override
    public int read(ByteBuffer buffer) throws IOException {
      int count = (int) Math.min(buffer.remaining(), length - position);
      if (count <= 0) {
        return buffer.hasRemaining() ? -1 : 0;
      }
      byte[] bytes = new byte[count];
      readFully(bytes, 0, count);
      buffer.put(bytes);
      return count;
    }

    @Override
    public void readFully(ByteBuffer buffer) throws IOException {
      byte[] bytes = new byte[buffer.remaining()];
      readFully(bytes, 0, bytes.length);
      buffer.put(bytes);
    }
  }
}
