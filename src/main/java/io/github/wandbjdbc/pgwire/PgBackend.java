package io.github.wandbjdbc.pgwire;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** The backend messages the endpoint sends, each written into the session's {@link PgOutput}. */
final class PgBackend {
  static final int AUTH_OK = 0;

  /** AuthenticationCleartextPassword: the client sends its password as it is. */
  static final int AUTH_PASSWORD = 3;

  static final int AUTH_SASL = 10;
  static final int AUTH_SASL_CONTINUE = 11;
  static final int AUTH_SASL_FINAL = 12;

  private final PgOutput out;

  PgBackend(PgOutput out) {
    this.out = out;
  }

  /** The one-byte answer 'N' to SSLRequest and GSSENCRequest: go on unencrypted. */
  void declineEncryption() throws IOException {
    out.byte1('N');
    out.flush();
  }

  /** The one-byte answer 'S' to SSLRequest: the TLS handshake follows. */
  void acceptEncryption() throws IOException {
    out.byte1('S');
    out.flush();
  }

  void authentication(int code, byte[] data) {
    out.begin('R').int32(code).bytes(data).end();
  }

  void saslMechanisms(List<String> mechanisms) {
    out.begin('R').int32(AUTH_SASL);
    mechanisms.forEach(out::cstring);
    out.byte1(0).end();
  }

  void parameterStatus(Map<String, String> parameters) {
    parameters.forEach((name, value) -> out.begin('S').cstring(name).cstring(value).end());
  }

  void backendKeyData(int processId, int secretKey) {
    out.begin('K').int32(processId).int32(secretKey).end();
  }

  void negotiateProtocolVersion(int minor, List<String> unknownOptions) {
    out.begin('v').int32(minor).int32(unknownOptions.size());
    unknownOptions.forEach(out::cstring);
    out.end();
  }

  void readyForQuery(char status) {
    out.begin('Z').byte1(status).end();
  }

  void rowDescription(List<PgColumn> columns, List<Boolean> binary) {
    out.begin('T').int16(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      PgColumn column = columns.get(i);
      out.cstring(column.name()).int32(0).int16(0);
      out.int32(column.type().oid).int16(column.type().length).int32(-1);
      out.int16(binary.get(i) ? 1 : 0);
    }
    out.end();
  }

  void dataRow(byte[][] values) {
    out.begin('D').int16(values.length);
    for (byte[] value : values) {
      if (value == null) {
        out.int32(-1);
      } else {
        out.int32(value.length).bytes(value);
      }
    }
    out.end();
  }

  void parameterDescription(List<PgType> types) {
    out.begin('t').int16(types.size());
    types.forEach(t -> out.int32(t.oid));
    out.end();
  }

  void commandComplete(String tag) {
    out.begin('C').cstring(tag).end();
  }

  void copyOutResponse(int columns) {
    out.begin('H').byte1(0).int16(columns);
    for (int i = 0; i < columns; i++) {
      out.int16(0);
    }
    out.end();
  }

  void copyData(byte[] data) {
    out.begin('d').bytes(data).end();
  }

  void copyDone() {
    out.begin('c').end();
  }

  /** ParseComplete, BindComplete, CloseComplete, NoData, PortalSuspended, EmptyQueryResponse. */
  void empty(char type) {
    out.begin(type).end();
  }

  void error(PgError error) {
    out.begin('E');
    out.byte1('S').cstring(error.severity()).byte1('V').cstring(error.severity());
    out.byte1('C').cstring(error.sqlState()).byte1('M').cstring(error.message());
    out.byte1(0).end();
  }

  int buffered() {
    return out.buffered();
  }

  void flush() throws IOException {
    out.flush();
  }
}
