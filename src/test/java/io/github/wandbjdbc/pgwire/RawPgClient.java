package io.github.wandbjdbc.pgwire;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A bare protocol-v3 client for the cases real clients never send: byte-level control. */
final class RawPgClient implements AutoCloseable {
  /** One backend message. */
  record Message(char type, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** The SQLSTATE field of an ErrorResponse. */
    String sqlState() {
      String[] fields = text().split("\0");
      for (String field : fields) {
        if (field.startsWith("C")) {
          return field.substring(1);
        }
      }
      return null;
    }
  }

  private final Socket socket;
  private final DataInputStream in;
  final DataOutputStream out;
  int processId;
  int secretKey;

  RawPgClient(int port) throws IOException {
    this(InetAddress.getLoopbackAddress(), port);
  }

  RawPgClient(InetAddress host, int port) throws IOException {
    socket = new Socket(host, port);
    socket.setSoTimeout(30_000);
    in = new DataInputStream(socket.getInputStream());
    out = new DataOutputStream(socket.getOutputStream());
  }

  /** Start-up and cleartext password; returns the messages up to ReadyForQuery. */
  static RawPgClient connect(int port, String database, String password) throws IOException {
    RawPgClient client = new RawPgClient(port);
    client.startup(3 << 16, Map.of("user", "wandb", "database", database));
    Message auth = client.read();
    if (auth.type() != 'R') {
      throw new IOException("expected an authentication request: " + auth.text());
    }
    client.send('p', cstring(password));
    for (Message m = client.read(); m.type() != 'Z'; m = client.read()) {
      if (m.type() == 'E') {
        throw new IOException(m.text());
      }
      if (m.type() == 'K') {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(m.body());
        client.processId = b.getInt();
        client.secretKey = b.getInt();
      }
    }
    return client;
  }

  void startup(int code, Map<String, String> parameters) throws IOException {
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    new DataOutputStream(body).writeInt(code);
    parameters.forEach(
        (k, v) -> {
          body.writeBytes(cstring(k));
          body.writeBytes(cstring(v));
        });
    body.write(0);
    out.writeInt(body.size() + 4);
    out.write(body.toByteArray());
    out.flush();
  }

  void send(char type, byte[] body) throws IOException {
    out.writeByte(type);
    out.writeInt(body.length + 4);
    out.write(body);
    out.flush();
  }

  Message read() throws IOException {
    char type = (char) in.readUnsignedByte();
    byte[] body = new byte[in.readInt() - 4];
    in.readFully(body);
    return new Message(type, body);
  }

  /** Reads one byte, as the answer to SSLRequest. */
  int readByte() throws IOException {
    return in.read();
  }

  /** Messages up to and including ReadyForQuery. */
  List<Message> untilReady() throws IOException {
    List<Message> messages = new ArrayList<>();
    Message m;
    do {
      m = read();
      messages.add(m);
    } while (m.type() != 'Z');
    return messages;
  }

  /** -1 once the server has closed the connection. */
  int endOfStream() throws IOException {
    return in.read();
  }

  static byte[] cstring(String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    byte[] withNul = java.util.Arrays.copyOf(bytes, bytes.length + 1);
    return withNul;
  }

  static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
    for (byte[] part : parts) {
      all.writeBytes(part);
    }
    return all.toByteArray();
  }

  static byte[] int16(int v) {
    return new byte[] {(byte) (v >>> 8), (byte) v};
  }

  static byte[] int32(int v) {
    return java.nio.ByteBuffer.allocate(4).putInt(v).array();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
