package io.github.wandbjdbc.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where an emulator places the values that are not plain numbers when it orders runs ({@link
 * RunOrdering}) and evaluates {@code $gt $gte $lt $lte} ({@link RunFilterEvaluator}). W&B's own
 * placement of null, missing keys, NaN, ±Infinity, strings, lists, objects and booleans is
 * unverified (wandb-api.md §3, §4, §9), so the driver must give SQL's answer under every plausible
 * choice: each emulator instance picks one, and the pushdown tests run under each.
 *
 * <p>Whatever the choice: a missing key never matches a comparison (it sorts as null); equality
 * ({@code $eq}, {@code $in}, implicit eq and their negations) stays type-exact ({@code 1 == 1.0},
 * {@code 1 != "1"}, NaN equals NaN); values inside arrays and objects compare in BSON order ({@link
 * BsonValues}); timestamps ({@code created_at}, {@code heartbeat_at}) are not affected.
 *
 * @param nonNumbers where null, strings, objects, arrays and booleans go relative to numbers
 * @param nonFinite how NaN, Infinity and -Infinity in runs' config and summaryMetrics are stored
 */
public record ValueOrder(NonNumbers nonNumbers, NonFinite nonFinite) {
  /** MongoDB's BSON order with non-finite numbers as numbers: the emulator's default. */
  public static final ValueOrder BSON = new ValueOrder(NonNumbers.BY_TYPE, NonFinite.NUMBER);

  /** Where non-numbers sort, and whether comparisons cross types. */
  public enum NonNumbers {
    /**
     * BSON type ranks: null &lt; numbers (NaN lowest) &lt; strings &lt; objects &lt; arrays &lt;
     * booleans; comparisons only within a type class, and NaN compares with nothing but itself.
     */
    BY_TYPE,
    /**
     * Every non-number (in BSON order among themselves) before every number, NaN the lowest number;
     * comparisons follow this order across types, so {@code $lt: 0} matches a string.
     */
    FIRST,
    /**
     * Every number before every non-number, NaN the highest number (above +Infinity); comparisons
     * follow this order across types, so {@code $gt: 0} matches a string, and NaN.
     */
    LAST
  }

  /** How runs hold NaN and ±Infinity. */
  public enum NonFinite {
    /** JSON numbers, written as the tokens {@code NaN}, {@code Infinity}, {@code -Infinity}. */
    NUMBER,
    /**
     * The strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}: served, filtered and
     * ordered as strings.
     */
    STRING
  }

  public ValueOrder {
    Objects.requireNonNull(nonNumbers, "nonNumbers is null");
    Objects.requireNonNull(nonFinite, "nonFinite is null");
  }

  /** Every combination, {@link #BSON} first. */
  public static List<ValueOrder> all() {
    List<ValueOrder> all = new ArrayList<>();
    for (NonFinite nonFinite : NonFinite.values()) {
      for (NonNumbers nonNumbers : NonNumbers.values()) {
        all.add(new ValueOrder(nonNumbers, nonFinite));
      }
    }
    return all;
  }

  /** A total order over values; Java null (a missing key) sorts as JSON null. */
  int compare(JsonNode a, JsonNode b) {
    if (nonNumbers == NonNumbers.BY_TYPE) {
      return BsonValues.compare(a, b);
    }
    boolean aNumber = a != null && a.isNumber();
    boolean bNumber = b != null && b.isNumber();
    if (aNumber != bNumber) {
      return aNumber == (nonNumbers == NonNumbers.LAST) ? -1 : 1;
    }
    if (!aNumber) {
      return BsonValues.compare(a, b);
    }
    boolean aNaN = BsonValues.isNaN(a);
    boolean bNaN = BsonValues.isNaN(b);
    if (nonNumbers == NonNumbers.LAST && (aNaN || bNaN)) {
      return Boolean.compare(aNaN, bNaN);
    }
    return BsonValues.compareNumbers(a, b);
  }

  /** Whether a comparison operator compares a present value with its operand at all. */
  boolean comparable(JsonNode value, JsonNode operand) {
    return nonNumbers != NonNumbers.BY_TYPE
        || (BsonValues.typeRank(value) == BsonValues.typeRank(operand)
            && BsonValues.isNaN(value) == BsonValues.isNaN(operand));
  }

  /**
   * The run as this emulator holds it: itself, or under {@link NonFinite#STRING} a copy whose
   * config and summary hold non-finite numbers as strings. Applied wherever runs are read, so that
   * runs added while serving follow the choice too.
   */
  EmulatedRun stored(EmulatedRun run) {
    if (nonFinite == NonFinite.NUMBER) {
      return run;
    }
    return run.withConfigAndSummary(
        (ObjectNode) nonFiniteAsText(run.config()), (ObjectNode) nonFiniteAsText(run.summary()));
  }

  private static JsonNode nonFiniteAsText(JsonNode node) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
      return nodes.textNode(Double.toString(node.doubleValue())); // "NaN", "Infinity", ...
    }
    if (node.isObject()) {
      ObjectNode copy = nodes.objectNode();
      node.properties().forEach(e -> copy.set(e.getKey(), nonFiniteAsText(e.getValue())));
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = nodes.arrayNode();
      node.forEach(element -> copy.add(nonFiniteAsText(element)));
      return copy;
    }
    return node;
  }
}
