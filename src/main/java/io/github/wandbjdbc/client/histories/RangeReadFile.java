package io.github.wandbjdbc.client.histories;

import io.github.wandbjdbc.client.Cancellation;
import io.github.wandbjdbc.client.transport.FileDownloads;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executor;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * An exported file at a signed URL, as parquet-java reads it: from bytes fetched ahead by HTTP
 * requests, each for one span of the file. Opened {@link #whole} (one GET, for a read of every
 * column) or by its {@link #tail} (its last {@link #TAIL_BYTES} bytes, which tell its length and
 * normally hold the whole footer); then {@link #prefetch} fetches the spans a read needs (the
 * column chunks it projects) in parallel. A read outside what is held is fetched on its own.
 */
final class RangeReadFile implements InputFile {
  static final int TAIL_BYTES = 8 * 1024;

  /** Needed spans closer than this are fetched as one: a request costs more than the gap. */
  static final int MERGE_GAP = 8 * 1024;

  private final FileDownloads downloads;
  private final String url;
  private final Cancellation scope;
  private final long length;

  /** Bytes held, by the offset in the file where they start. */
  private final NavigableMap<Long, byte[]> held = new ConcurrentSkipListMap<>();

  private RangeReadFile(
      FileDownloads downloads, String url, Cancellation scope, long length, byte[] end) {
    this.downloads = downloads;
    this.url = url;
    this.scope = scope;
    this.length = length;
    held.put(length - end.length, end);
  }

  /** The file fetched whole, in one request. */
  static RangeReadFile whole(FileDownloads downloads, String url, Cancellation scope) {
    byte[] bytes = downloads.whole(url, scope);
    return new RangeReadFile(downloads, url, scope, bytes.length, bytes);
  }

  /** The file opened by its tail. */
  static RangeReadFile tail(FileDownloads downloads, String url, Cancellation scope) {
    FileDownloads.Tail tail = downloads.tail(url, TAIL_BYTES, scope);
    return new RangeReadFile(downloads, url, scope, tail.fileLength(), tail.bytes());
  }

  /**
   * Fetches the spans {@code [offset, offset + length)} not already held, those less than {@link
   * #MERGE_GAP} apart as one, all at once on {@code requests}; completes once every one is held.
   */
  CompletableFuture<Void> prefetch(List<long[]> spans, Executor requests) {
    List<long[]> merged = merged(spans);
    List<CompletableFuture<Void>> fetches = new ArrayList<>(merged.size());
    for (long[] span : merged) {
      if (!holds(span[0], (int) span[1])) {
        fetches.add(
            CompletableFuture.runAsync(
                () -> held.put(span[0], downloads.read(url, span[0], (int) span[1], scope)),
                requests));
      }
    }
    return CompletableFuture.allOf(fetches.toArray(CompletableFuture[]::new));
  }

  /** The spans sorted and joined where they overlap or lie less than {@link #MERGE_GAP} apart. */
  static List<long[]> merged(List<long[]> spans) {
    List<long[]> sorted = new ArrayList<>(spans);
    sorted.sort(Comparator.comparingLong(span -> span[0]));
    List<long[]> merged = new ArrayList<>();
    for (long[] span : sorted) {
      long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && span[0] <= last[0] + last[1] + MERGE_GAP) {
        last[1] = Math.max(last[1], span[0] + span[1] - last[0]);
      } else {
        merged.add(new long[] {span[0], span[1]});
      }
    }
    return merged;
  }

  private boolean holds(long offset, int count) {
    Map.Entry<Long, byte[]> entry = held.floorEntry(offset);
    return entry != null && offset + count <= entry.getKey() + entry.getValue().length;
  }

  @Override
  public long getLength() {
    return length;
  }

  @Override
  public SeekableInputStream newStream() {
    return new Stream();
  }

  /** A position in the file; reads come from the bytes held when they can, else from the host. */
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
      if (holds(position, count)) {
        Map.Entry<Long, byte[]> entry = held.floorEntry(position);
        System.arraycopy(
            entry.getValue(), (int) (position - entry.getKey()), buffer, offset, count);
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
