package io.github.wandbjdbc.pgwire;

import java.nio.charset.StandardCharsets;

/** Reads the fields of one frontend message body: Int16, Int32, String (NUL-ended), Byte n. */
final class PgBuffer {
  private final byte[] bytes;
  private int position;

  PgBuffer(byte[] bytes) {
    this.bytes = bytes;
  }

  int remaining() {
    return bytes.length - position;
  }

  byte int8() throws PgProtocolException {
    need(1);
    return bytes[position++];
  }

  short int16() throws PgProtocolException {
    need(2);
    short value = (short) (((bytes[position] & 0xff) << 8) | (bytes[position + 1] & 0xff));
    position += 2;
    return value;
  }

  int int32() throws PgProtocolException {
    need(4);
    int value = 0;
    for (int i = 0; i < 4; i++) {
      value = (value << 8) | (bytes[position++] & 0xff);
    }
    return value;
  }

  String cstring() throws PgProtocolException {
    int end = position;
    while (end < bytes.length && bytes[end] != 0) {
      end++;
    }
    if (end == bytes.length) {
      throw new PgProtocolException("08P01", "invalid message format: string without terminator");
    }
    String value = new String(bytes, position, end - position, StandardCharsets.UTF_8);
    position = end + 1;
    return value;
  }

  byte[] bytes(int length) throws PgProtocolException {
    if (length < 0) {
      throw new PgProtocolException("08P01", "invalid message format: negative length");
    }
    need(length);
    byte[] value = new byte[length];
    System.arraycopy(bytes, position, value, 0, length);
    position += length;
    return value;
  }

  private void need(int count) throws PgProtocolException {
    if (count > remaining()) {
      throw new PgProtocolException("08P01", "invalid message format: message too short");
    }
  }
}
