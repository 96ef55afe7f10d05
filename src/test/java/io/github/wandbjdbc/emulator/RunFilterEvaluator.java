package io.github.wandbjdbc.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Evaluates a W&B run filter ({@code Api.runs(filters=...)}, wandb-api.md §3) against a run, with
 * MongoDB's query semantics; written from the protocol documents, independently of the driver.
 *
 * <p><b>Shape.</b> A filter is a JSON object. Its keys are field paths (see {@link RunFieldPath}:
 * {@code name}, {@code display_name}/{@code displayName}, {@code state}, {@code tags}, {@code
 * created_at}/{@code createdAt}, {@code heartbeat_at}/{@code heartbeatAt}, {@code group}, {@code
 * jobType}, {@code sweep}, {@code username}, {@code host}, {@code config.<key>[.value][...]},
 * {@code summary_metrics.<key>[...]}; any other key is missing in every run) or the logical
 * operators {@code $and}, {@code $or}, {@code $nor}, each a non-empty array of filters. A field's
 * condition is either a literal (implicit {@code $eq}) or an object of operators {@code $eq $ne $gt
 * $gte $lt $lte $in $nin $exists $regex}. Several keys, or several operators on one key, are ANDed;
 * {@code {}} matches every run.
 *
 * <p><b>Missing and null.</b> {@code {k: null}} and {@code $eq: null} match a null and a missing
 * value; {@code $ne: v} is the negation of {@code $eq: v}, so it matches missing (and {@code $ne:
 * null} only present non-null values); {@code $in} containing null matches missing; {@code $nin} is
 * the negation of {@code $in}; {@code $exists: true} matches present values, even null, and {@code
 * false} absent ones.
 *
 * <p><b>Types.</b> Equality holds only within one type class (numbers, strings, booleans, null,
 * objects, arrays; see {@link BsonValues}): {@code 1 != "1"}, {@code 1 == 1.0}, NaN equals NaN.
 * Comparisons follow the emulator's {@link ValueOrder}: by default, as in MongoDB, only within a
 * type class ({@code {"$gt": 1}} never matches a string; NaN is never greater or less than
 * anything; {@code $gte: null}/{@code $lte: null} match a present null only, where MongoDB would
 * also match missing); under the other choices across types too. Missing never matches a
 * comparison.
 *
 * <p><b>Arrays</b> (tags, list-valued config): {@code $eq}/{@code $in}/comparisons match when any
 * element matches or the whole array does; {@code $ne}/{@code $nin} are their negations; {@code
 * $regex} matches when any string element does.
 *
 * <p><b>Regex.</b> W&B evaluates RE2; this emulates it with {@code java.util.regex} {@code find()}
 * (unanchored, {@code ^}/{@code $} anchor the whole string, only strings match) under {@code
 * UNIX_LINES} so that, as in RE2, only {@code \n} is a line terminator. Known differences: Java
 * accepts backreferences, lookaround, atomic groups and possessive quantifiers, which RE2 rejects;
 * Java's {@code $} also matches before a final {@code \n}; {@code $options} is not supported (use
 * inline flags such as {@code (?i)}, which both engines accept).
 *
 * <p><b>Timestamps.</b> On {@code created_at}/{@code heartbeat_at} an operand that is an ISO-8601
 * date or date-time ({@link IsoTimestamps}) is compared as an instant with the run's timestamp; any
 * other operand is compared with its {@code DateTime} text {@code yyyy-MM-ddTHH:mm:ss}.
 */
public final class RunFilterEvaluator {
  private static final List<String> FIELD_OPERATORS =
      List.of("$eq", "$ne", "$gt", "$gte", "$lt", "$lte", "$in", "$nin", "$exists", "$regex");

  private final ValueOrder values;

  private RunFilterEvaluator(ValueOrder values) {
    this.values = values;
  }

  /**
   * A reusable predicate (regexes compiled once); throws {@link IllegalArgumentException} saying
   * where and why the filter is malformed.
   */
  public static Predicate<EmulatedRun> compile(JsonNode filter, ValueOrder values) {
    return new RunFilterEvaluator(values).document(filter, "filter");
  }

  /** A test of a resolved value; Java null means the field is missing. */
  @FunctionalInterface
  private interface ValueTest {
    boolean test(JsonNode value);
  }

  /** A comparison operand; {@code instant} is set when it is compared as a timestamp. */
  private record Operand(JsonNode json, Instant instant) {
    static Operand of(RunFieldPath path, JsonNode json) {
      Instant instant =
          path.isTimestamp() && json.isTextual()
              ? IsoTimestamps.parseOperand(json.textValue()).orElse(null)
              : null;
      return new Operand(json, instant);
    }
  }

  private Predicate<EmulatedRun> document(JsonNode node, String where) {
    if (node == null || !node.isObject()) {
      throw error(where, "must be a JSON object, got " + describe(node));
    }
    List<Predicate<EmulatedRun>> clauses = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      clauses.add(clause(e.getKey(), e.getValue(), where));
    }
    return run -> clauses.stream().allMatch(c -> c.test(run));
  }

  private Predicate<EmulatedRun> clause(String key, JsonNode value, String where) {
    switch (key) {
      case "$and":
        return allOf(logicalOperands(key, value, where));
      case "$or":
        return anyOf(logicalOperands(key, value, where));
      case "$nor":
        return anyOf(logicalOperands(key, value, where)).negate();
      default:
        break;
    }
    if (key.startsWith("$")) {
      throw error(
          where,
          "unknown top-level operator " + key + " (expected $and, $or, $nor or a field key)");
    }
    RunFieldPath path;
    try {
      path = RunFieldPath.forFilter(key);
    } catch (IllegalArgumentException e) {
      throw error(where, e.getMessage());
    }
    ValueTest test = condition(path, value, where + "." + key);
    return run -> test.test(path.resolve(run));
  }

  private List<Predicate<EmulatedRun>> logicalOperands(String op, JsonNode value, String where) {
    if (!value.isArray() || value.isEmpty()) {
      throw error(where, op + " needs a non-empty array of filters, got " + describe(value));
    }
    List<Predicate<EmulatedRun>> operands = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      operands.add(document(value.get(i), where + "." + op + "[" + i + "]"));
    }
    return operands;
  }

  private static Predicate<EmulatedRun> allOf(List<Predicate<EmulatedRun>> ps) {
    return run -> ps.stream().allMatch(p -> p.test(run));
  }

  private static Predicate<EmulatedRun> anyOf(List<Predicate<EmulatedRun>> ps) {
    return run -> ps.stream().anyMatch(p -> p.test(run));
  }

  private ValueTest condition(RunFieldPath path, JsonNode value, String where) {
    boolean hasOperator = false;
    for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
      hasOperator |= names.next().startsWith("$");
    }
    if (!hasOperator) {
      return equality(path, value);
    }
    List<ValueTest> tests = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : value.properties()) {
      if (!e.getKey().startsWith("$")) {
        throw error(
            where,
            "mixes operators and the plain key '"
                + e.getKey()
                + "' in one object; wrap a literal object in {\"$eq\": ...}");
      }
      tests.add(operator(path, e.getKey(), e.getValue(), where));
    }
    return v -> tests.stream().allMatch(t -> t.test(v));
  }

  private ValueTest operator(RunFieldPath path, String op, JsonNode operand, String where) {
    switch (op) {
      case "$eq":
        return equality(path, operand);
      case "$ne":
        return negate(equality(path, operand));
      case "$gt":
        return comparison(path, operand, c -> c > 0);
      case "$gte":
        return comparison(path, operand, c -> c >= 0);
      case "$lt":
        return comparison(path, operand, c -> c < 0);
      case "$lte":
        return comparison(path, operand, c -> c <= 0);
      case "$in":
        return membership(path, operand, op, where);
      case "$nin":
        return negate(membership(path, operand, op, where));
      case "$exists":
        if (!operand.isBoolean()) {
          throw error(where, "$exists needs true or false, got " + describe(operand));
        }
        boolean wanted = operand.booleanValue();
        return v -> (v != null) == wanted;
      case "$regex":
        return regex(operand, where);
      default:
        throw error(
            where,
            "unknown operator " + op + " (supported: " + String.join(" ", FIELD_OPERATORS) + ")");
    }
  }

  private static ValueTest negate(ValueTest test) {
    return v -> !test.test(v);
  }

  private ValueTest equality(RunFieldPath path, JsonNode operand) {
    Operand op = Operand.of(path, operand);
    return v ->
        v == null ? operand.isNull() : selfOrAnyElement(v, n -> compares(n, op, c -> c == 0));
  }

  private ValueTest comparison(RunFieldPath path, JsonNode operand, IntPredicate accept) {
    Operand op = Operand.of(path, operand);
    return v -> v != null && selfOrAnyElement(v, n -> compares(n, op, accept));
  }

  private ValueTest membership(RunFieldPath path, JsonNode list, String op, String where) {
    if (!list.isArray()) {
      throw error(where, op + " needs an array, got " + describe(list));
    }
    List<ValueTest> candidates = new ArrayList<>();
    list.forEach(candidate -> candidates.add(equality(path, candidate)));
    return v -> candidates.stream().anyMatch(t -> t.test(v));
  }

  private static ValueTest regex(JsonNode operand, String where) {
    if (!operand.isTextual()) {
      throw error(where, "$regex needs a string, got " + describe(operand));
    }
    Pattern pattern;
    try {
      pattern = Pattern.compile(operand.textValue(), Pattern.UNIX_LINES);
    } catch (PatternSyntaxException e) {
      throw error(
          where,
          "$regex is not a valid pattern: "
              + e.getDescription()
              + " near index "
              + e.getIndex()
              + " of "
              + operand);
    }
    return v ->
        v != null
            && selfOrAnyElement(v, n -> n.isTextual() && pattern.matcher(n.textValue()).find());
  }

  private static boolean selfOrAnyElement(JsonNode value, Predicate<JsonNode> test) {
    if (test.test(value)) {
      return true;
    }
    if (value.isArray()) {
      for (JsonNode element : value) {
        if (test.test(element)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Compares in the {@link ValueOrder}, where values of different types never compare equal; {@code
   * accept} is not asked when the order does not compare the two at all.
   */
  private boolean compares(JsonNode value, Operand op, IntPredicate accept) {
    if (op.instant() != null) {
      return value.isTextual()
          && accept.test(IsoTimestamps.parseDateTime(value.textValue()).compareTo(op.instant()));
    }
    return values.comparable(value, op.json()) && accept.test(values.compare(value, op.json()));
  }

  private static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    String text = node.toString();
    return node.getNodeType().name().toLowerCase(Locale.ROOT)
        + " "
        + (text.length() > 60 ? text.substring(0, 57) + "..." : text);
  }

  private static IllegalArgumentException error(String where, String message) {
    return new IllegalArgumentException(where + ": " + message);
  }
}
