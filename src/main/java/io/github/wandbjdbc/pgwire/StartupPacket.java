package io.github.wandbjdbc.pgwire;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The first packet of a connection, which has no type byte: a StartupMessage (protocol 3.x and its
 * parameters), an SSLRequest, a GSSENCRequest or a CancelRequest, told apart by the code.
 */
record StartupPacket(int code, Map<String, String> parameters, int processId, int secretKey) {
  static final int PROTOCOL_3 = 3 << 16;
  static final int CANCEL_REQUEST = 80877102;
  static final int SSL_REQUEST = 80877103;
  static final int GSSENC_REQUEST = 80877104;

  StartupPacket {
    parameters = Map.copyOf(parameters);
  }

  static StartupPacket parse(byte[] body) throws PgProtocolException {
    PgBuffer in = new PgBuffer(body);
    int code = in.int32();
    if (code == CANCEL_REQUEST) {
      return new StartupPacket(code, Map.of(), in.int32(), in.int32());
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    if (code >> 16 == 3) {
      while (in.remaining() > 1) {
        String name = in.cstring();
        parameters.put(name, in.cstring());
      }
    }
    return new StartupPacket(code, parameters, 0, 0);
  }

  int majorVersion() {
    return code >>> 16;
  }

  int minorVersion() {
    return code & 0xffff;
  }
}
