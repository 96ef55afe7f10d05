package io.github.wandbjdbc.pgwire;

import java.io.IOException;
import java.util.List;

/**
 * The packets before a StartupMessage: SSLRequest is accepted with 'S' when the server has TLS (the
 * session then starts TLS and reads the next packet through it), else declined with 'N' (libpq then
 * goes on in plain text, unless sslmode=require), as is GSSENCRequest; CancelRequest is passed to
 * the server; protocol 2 and unknown versions are refused, 3.x minor versions above 0 negotiated
 * down.
 */
record PgHandshake(PgInput in, PgBackend out, PgServer server, boolean encrypted) {
  /** What {@link #startup()} returns after accepting an SSLRequest: start TLS, then read on. */
  static final StartupPacket START_TLS =
      new StartupPacket(StartupPacket.SSL_REQUEST, java.util.Map.of(), 0, 0);

  /**
   * The StartupMessage; {@link #START_TLS} when the client asked for TLS and gets it; null when the
   * connection was a CancelRequest or closed early.
   */
  StartupPacket startup() throws IOException {
    for (int attempts = 0; attempts < 3; attempts++) {
      StartupPacket packet = in.readStartup();
      if (packet == null) {
        return null;
      }
      switch (packet.code()) {
        case StartupPacket.SSL_REQUEST -> {
          if (server.config().tls() != null && !encrypted) {
            out.acceptEncryption();
            return START_TLS;
          }
          out.declineEncryption();
          continue;
        }
        case StartupPacket.GSSENC_REQUEST -> {
          out.declineEncryption();
          continue;
        }
        case StartupPacket.CANCEL_REQUEST -> {
          server.cancel(packet.processId(), packet.secretKey());
          return null;
        }
        default -> {}
      }
      if (packet.majorVersion() != 3) {
        throw new PgProtocolException(
            "0A000",
            "unsupported frontend protocol "
                + packet.majorVersion()
                + "."
                + packet.minorVersion()
                + ": server supports 3.0 to 3.0");
      }
      List<String> unknown =
          packet.parameters().keySet().stream().filter(k -> k.startsWith("_pq_.")).toList();
      if (packet.minorVersion() > 0 || !unknown.isEmpty()) {
        out.negotiateProtocolVersion(0, unknown);
      }
      return packet;
    }
    throw new PgProtocolException("08P01", "too many encryption requests before start-up");
  }
}
