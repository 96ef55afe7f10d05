package io.github.wandbjdbc.client.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wandbjdbc.client.transport.WandbJson;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The bytes of one cache file: a header (magic, format version, the entry's identity with the run's
 * markers), a dictionary of the row keys, the rows as typed binary fields, and a CRC-32 of
 * everything before it. Binary, because reading it must be far cheaper than parsing W&B's JSON:
 * numbers are 8 raw bytes, keys an index into the dictionary. A file that is truncated, corrupt, of
 * another version or of another identity decodes to null, never to wrong rows.
 */
public final class HistoryCacheFile {
  static final int MAGIC = 0x574A4843; // "WJHC"
  static final int VERSION = 1;

  private static final byte NULL = 0;
  private static final byte FALSE = 1;
  private static final byte TRUE = 2;
  private static final byte LONG = 3;
  private static final byte DOUBLE = 4;
  private static final byte TEXT = 5;
  private static final byte JSON = 6; // objects, arrays and numbers beyond long and double

  private HistoryCacheFile() {}

  /**
   * One chunk of rows (a window's worth, say): its own key dictionary, then the rows. Chunks are
   * encoded as answers arrive, so a run waiting for its last window holds bytes, not JSON trees.
   */
  public static byte[] encodeChunk(List<ObjectNode> rows) {
    try {
      Map<String, Integer> keys = new HashMap<>();
      List<String> dictionary = new ArrayList<>();
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(body);
      for (ObjectNode row : rows) {
        out.writeShort(row.size());
        for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> field = it.next();
          Integer key = keys.get(field.getKey());
          if (key == null) {
            key = dictionary.size();
            keys.put(field.getKey(), key);
            dictionary.add(field.getKey());
          }
          out.writeInt(key);
          writeValue(out, field.getValue());
        }
      }
      ByteArrayOutputStream chunk = new ByteArrayOutputStream(body.size() + 64);
      DataOutputStream head = new DataOutputStream(chunk);
      head.writeInt(dictionary.size());
      for (String key : dictionary) {
        writeText(head, key);
      }
      head.writeInt(rows.size());
      body.writeTo(chunk);
      return chunk.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode history rows", e); // in memory: never
    }
  }

  /** A whole file: the header, {@code chunks} in order, and the checksum. */
  static byte[] file(String identity, List<byte[]> chunks) {
    try {
      ByteArrayOutputStream file = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(file);
      out.writeInt(MAGIC);
      out.writeInt(VERSION);
      writeText(out, identity);
      out.writeInt(chunks.size());
      for (byte[] chunk : chunks) {
        out.write(chunk);
      }
      CRC32 crc = new CRC32();
      crc.update(file.toByteArray());
      out.writeLong(crc.getValue());
      return file.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode history rows", e); // in memory: never
    }
  }

  private static void writeValue(DataOutputStream out, JsonNode value) throws IOException {
    if (value == null || value.isNull()) {
      out.writeByte(NULL);
    } else if (value.isBoolean()) {
      out.writeByte(value.booleanValue() ? TRUE : FALSE);
    } else if (value.isIntegralNumber() && value.canConvertToLong()) {
      out.writeByte(LONG);
      out.writeLong(value.longValue());
    } else if (value.isDouble() || value.isFloat()) {
      out.writeByte(DOUBLE);
      out.writeDouble(value.doubleValue());
    } else if (value.isTextual()) {
      out.writeByte(TEXT);
      writeText(out, value.textValue());
    } else {
      byte[] json = WandbJson.MAPPER.writeValueAsBytes(value);
      out.writeByte(JSON);
      out.writeInt(json.length);
      out.write(json);
    }
  }

  private static void writeText(DataOutputStream out, String text) throws IOException {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  /** The rows of {@code bytes}, or null unless it is a whole, intact file of {@code identity}. */
  static List<ObjectNode> decode(byte[] bytes, String identity) {
    if (bytes.length < 16) {
      return null;
    }
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - 8);
    long stored = 0;
    for (int i = bytes.length - 8; i < bytes.length; i++) {
      stored = (stored << 8) | (bytes[i] & 0xff);
    }
    if (stored != crc.getValue()) {
      return null;
    }
    try {
      ByteBuffer in = ByteBuffer.wrap(bytes, 0, bytes.length - 8);
      if (in.getInt() != MAGIC || in.getInt() != VERSION || !readText(in).equals(identity)) {
        return null;
      }
      JsonNodeFactory nodes = JsonNodeFactory.instance;
      List<ObjectNode> rows = new ArrayList<>();
      int chunks = in.getInt();
      for (int c = 0; c < chunks; c++) {
        String[] dictionary = new String[in.getInt()];
        for (int i = 0; i < dictionary.length; i++) {
          dictionary[i] = readText(in);
        }
        int count = in.getInt();
        for (int r = 0; r < count; r++) {
          ObjectNode row = nodes.objectNode();
          int fields = in.getShort() & 0xffff;
          for (int f = 0; f < fields; f++) {
            row.set(dictionary[in.getInt()], readValue(in, nodes));
          }
          rows.add(row);
        }
      }
      return in.hasRemaining() ? null : rows;
    } catch (IOException | RuntimeException e) {
      return null; // a checksum collision on a damaged file: treated like any damaged file
    }
  }

  private static String readText(ByteBuffer in) {
    int length = in.getInt();
    String text = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
    in.position(in.position() + length);
    return text;
  }

  private static JsonNode readValue(ByteBuffer in, JsonNodeFactory nodes) throws IOException {
    byte tag = in.get();
    switch (tag) {
      case NULL:
        return nodes.nullNode();
      case FALSE:
        return nodes.booleanNode(false);
      case TRUE:
        return nodes.booleanNode(true);
      case LONG:
        return nodes.numberNode(in.getLong());
      case DOUBLE:
        return nodes.numberNode(in.getDouble());
      case TEXT:
        return nodes.textNode(readText(in));
      case JSON:
        int length = in.getInt();
        JsonNode value = WandbJson.MAPPER.readTree(in.array(), in.position(), length);
        in.position(in.position() + length);
        return value;
      default:
        throw new IOException("unknown value tag " + tag);
    }
  }
}
