package io.github.wandbjdbc.pgwire;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** Reads frontend packets, refusing lengths PostgreSQL would refuse. */
final class PgInput {
  /** PostgreSQL's own limit for a typed message (PQ_LARGE_MESSAGE_LIMIT is 1 GB; ours is less). */
  static final int MAX_MESSAGE_LENGTH = 64 << 20;

  /** PostgreSQL's MAX_STARTUP_PACKET_LENGTH. */
  static final int MAX_STARTUP_LENGTH = 10_000;

  private final DataInputStream in;

  PgInput(InputStream in) {
    this.in = new DataInputStream(in);
  }

  /** The untyped first packet; null when the client closed the connection before sending one. */
  StartupPacket readStartup() throws IOException {
    int length;
    try {
      length = in.readInt();
    } catch (EOFException e) {
      return null;
    }
    if (length < 8 || length > MAX_STARTUP_LENGTH) {
      throw new PgProtocolException("08P01", "invalid length of startup packet: " + length);
    }
    return StartupPacket.parse(body(length));
  }

  /** The next typed message; null at the end of the stream. */
  FrontendMessage read() throws IOException {
    int type = in.read();
    if (type < 0) {
      return null;
    }
    int length = in.readInt();
    if (length < 4) {
      throw new PgProtocolException("08P01", "invalid message length " + length);
    }
    if (length > MAX_MESSAGE_LENGTH) {
      throw new PgProtocolException(
          "54000", "message of " + length + " bytes exceeds the limit of " + MAX_MESSAGE_LENGTH);
    }
    return new FrontendMessage((char) type, body(length));
  }

  private byte[] body(int length) throws IOException {
    byte[] body = new byte[length - 4];
    in.readFully(body);
    return body;
  }
}
