package io.github.wandbjdbc.pgwire;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds backend messages in a buffer and writes them on {@link #flush()}: a message is its type
 * byte, an Int32 length that counts itself, and its fields.
 */
final class PgOutput {
  private final OutputStream out;
  private byte[] buffer = new byte[8192];
  private int size;
  private int messageStart = -1;

  PgOutput(OutputStream out) {
    this.out = out;
  }

  PgOutput begin(char type) {
    if (messageStart >= 0) {
      throw new IllegalStateException("message " + (char) buffer[messageStart] + " not ended");
    }
    messageStart = size;
    byte1(type);
    return int32(0);
  }

  void end() {
    int length = size - messageStart - 1;
    putInt(messageStart + 1, length);
    messageStart = -1;
  }

  PgOutput byte1(int value) {
    ensure(1);
    buffer[size++] = (byte) value;
    return this;
  }

  PgOutput int16(int value) {
    ensure(2);
    buffer[size++] = (byte) (value >>> 8);
    buffer[size++] = (byte) value;
    return this;
  }

  PgOutput int32(int value) {
    ensure(4);
    putInt(size, value);
    size += 4;
    return this;
  }

  PgOutput bytes(byte[] value) {
    ensure(value.length);
    System.arraycopy(value, 0, buffer, size, value.length);
    size += value.length;
    return this;
  }

  PgOutput cstring(String value) {
    return bytes(value.getBytes(StandardCharsets.UTF_8)).byte1(0);
  }

  /** Bytes buffered and not yet written; a streaming result flushes when this grows. */
  int buffered() {
    return size;
  }

  void flush() throws IOException {
    out.write(buffer, 0, size);
    out.flush();
    size = 0;
  }

  private void putInt(int at, int value) {
    buffer[at] = (byte) (value >>> 24);
    buffer[at + 1] = (byte) (value >>> 16);
    buffer[at + 2] = (byte) (value >>> 8);
    buffer[at + 3] = (byte) value;
  }

  private void ensure(int more) {
    if (size + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
    }
  }
}
