package io.github.wandbjdbc.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The {@code "_type"}-tagged objects W&B logs for media and histograms (wandb-api.md §2.5). */
final class MediaObjects {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int HISTOGRAM_BINS = 8;

  private MediaObjects() {}

  static ObjectNode image(SeededDice dice, String key, long step) {
    String sha256 = dice.hex(64);
    int side = 32 << dice.below(3);
    ObjectNode image = NODES.objectNode();
    image.put("_type", "image-file");
    image.put("path", "media/images/" + key + "_" + step + "_" + sha256.substring(0, 20) + ".png");
    image.put("sha256", sha256);
    image.put("size", 1_000 + dice.below(40_000));
    image.put("format", "png");
    image.put("width", side);
    image.put("height", side);
    return image;
  }

  /** Eight bins: nine ascending edges and eight counts. */
  static ObjectNode histogram(SeededDice dice) {
    ObjectNode histogram = NODES.objectNode();
    histogram.put("_type", "histogram");
    ArrayNode bins = histogram.putArray("bins");
    ArrayNode values = histogram.putArray("values");
    double low = SeededDice.round(-dice.between(0.5, 2), 4);
    double width = SeededDice.round(dice.between(0.1, 0.5), 4);
    for (int i = 0; i <= HISTOGRAM_BINS; i++) {
      bins.add(SeededDice.round(low + i * width, 4));
    }
    for (int i = 0; i < HISTOGRAM_BINS; i++) {
      values.add(dice.below(500));
    }
    return histogram;
  }
}
