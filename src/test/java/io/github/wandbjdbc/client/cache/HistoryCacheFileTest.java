package io.github.wandbjdbc.client.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wandbjdbc.client.transport.WandbJson;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryCacheFileTest {
  private static final String ID = "host\nacme\ndemo\nrun1\nrows\nstate=finished";

  @Test
  void everyKindOfValueComesBackAsItWent() throws Exception {
    List<ObjectNode> rows =
        List.of(
            (ObjectNode)
                WandbJson.MAPPER.readTree(
                    "{\"_step\":0,\"loss\":0.5,\"acc\":1,\"phase\":\"train\",\"ok\":true,"
                        + "\"gone\":null,\"image\":{\"_type\":\"image-file\",\"size\":[3,4]},"
                        + "\"big\":123456789012345678901234567890,\"text\":\"대담한 달\"}"),
            WandbJson.MAPPER.createObjectNode().put("_step", 1).put("loss", Double.NaN),
            WandbJson.MAPPER
                .createObjectNode()
                .put("_step", 2)
                .put("loss", Double.NEGATIVE_INFINITY)
                .put("long", "x".repeat(40_000)));
    byte[] file =
        HistoryCacheFile.file(
            ID,
            List.of(
                HistoryCacheFile.encodeChunk(rows.subList(0, 1)),
                HistoryCacheFile.encodeChunk(rows.subList(1, 3))));
    assertEquals(rows.toString(), HistoryCacheFile.decode(file, ID).toString());
  }

  @Test
  void aFileOfAnotherIdentityVersionOrLengthIsNotServed() {
    List<ObjectNode> rows = List.of(WandbJson.MAPPER.createObjectNode().put("_step", 7));
    byte[] file = HistoryCacheFile.file(ID, List.of(HistoryCacheFile.encodeChunk(rows)));
    assertNull(HistoryCacheFile.decode(file, ID.replace("finished", "crashed")));
    assertNull(HistoryCacheFile.decode(Arrays.copyOf(file, file.length - 1), ID));
    byte[] otherVersion = file.clone();
    otherVersion[7]++;
    assertNull(HistoryCacheFile.decode(otherVersion, ID));
    byte[] flipped = file.clone();
    flipped[file.length / 2] ^= 1;
    assertNull(HistoryCacheFile.decode(flipped, ID));
    assertNull(HistoryCacheFile.decode(new byte[3], ID));
  }
}
