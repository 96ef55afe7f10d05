package io.github.wandbjdbc.calcite.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * A W&B runs filter as the translator pushed it: decided at rule time, immutable, and shaped as the
 * document W&B receives (field conditions; {@code $and}, {@code $or}, {@code $nor} of documents)
 * with a {@link FilterOperand} wherever a value goes. A value known only at execution is a slot,
 * read by {@link #build} from the values the scan's generated code computes, as history bounds are;
 * nothing but values reaches W&B.
 */
public final class PushedFilter {
  /** The keys of the document, in order; no key twice. */
  private final List<Entry> entries;

  private PushedFilter(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /**
   * The W&B filter document for one execution's values, as {@link FilterOperand#bind} decides each
   * operand; a new node each call, which the caller owns.
   *
   * @param values the slots' values, as the scan's generated code computed them
   * @throws IllegalArgumentException for a value that cannot be compared with its field
   */
  public ObjectNode build(Object[] values) {
    return write((operand, negated) -> operand.bind(values, negated), false);
  }

  /** The document as EXPLAIN shows it: constants as they are sent, each slot as {@code $slot}. */
  public String describe() {
    return write((operand, negated) -> operand.describe(), false).toString();
  }

  @Override
  public String toString() {
    return describe();
  }

  /** {@code {key: operand}}: implicit equality. */
  static PushedFilter equal(String key, FilterOperand operand) {
    return new PushedFilter(List.of(new Field(key, List.of(new Condition(null, operand)))));
  }

  /**
   * {@code filter} (null for none) and {@code {"name": {"$in": ids}}}, the ids being the values of
   * {@code slots}: a batched join's part of the request, merged as every conjunction is.
   */
  public static PushedFilter withRunIds(PushedFilter filter, List<Integer> slots) {
    PushedFilter batch =
        operator(FilterDocuments.RUN_ID_KEY, "$in", new FilterOperand.RunIds(slots));
    return filter == null ? batch : and(List.of(filter, batch));
  }

  /** {@code {key: {operator: operand}}}. */
  static PushedFilter operator(String key, String operator, FilterOperand operand) {
    return operators(key, List.of(new Condition(operator, operand)));
  }

  /** {@code {key: {operator: operand, ...}}}, all conditions on one field. */
  static PushedFilter operators(String key, List<Condition> conditions) {
    if (conditions.isEmpty() || conditions.stream().anyMatch(c -> c.operator() == null)) {
      throw new IllegalArgumentException("operators need names: " + conditions);
    }
    return new PushedFilter(List.of(new Field(key, conditions)));
  }

  /** {@code {"$nor": [document]}}. */
  static PushedFilter nor(PushedFilter document) {
    return logical("$nor", List.of(document));
  }

  /** {@code {"$or": [...]}}, or the single document itself. */
  static PushedFilter or(List<PushedFilter> documents) {
    return documents.size() == 1 ? documents.get(0) : logical("$or", documents);
  }

  /**
   * The conjunction of documents: merged into one document while keys (or, for one key, the
   * operators of two operator conditions) do not collide; colliding documents go into {@code $and}.
   * Merging happens here, before any slot is bound, so a bound value that drops or empties its
   * field condition ({@link FilterOperand#bind}) takes the whole merged condition with it.
   */
  static PushedFilter and(List<PushedFilter> documents) {
    Map<String, Entry> merged = new LinkedHashMap<>();
    List<PushedFilter> colliding = new ArrayList<>();
    for (PushedFilter document : documents) {
      if (document.entries.stream().allMatch(entry -> mergeable(merged.get(entry.key()), entry))) {
        document.entries.forEach(entry -> merged.merge(entry.key(), entry, PushedFilter::merge));
      } else {
        colliding.add(document);
      }
    }
    PushedFilter first = new PushedFilter(new ArrayList<>(merged.values()));
    if (colliding.isEmpty()) {
      return first;
    }
    List<PushedFilter> all = new ArrayList<>();
    all.add(first);
    all.addAll(colliding);
    return logical("$and", all);
  }

  private static PushedFilter logical(String operator, List<PushedFilter> documents) {
    return new PushedFilter(List.of(new Logical(operator, List.copyOf(documents))));
  }

  private static boolean mergeable(Entry existing, Entry added) {
    if (existing == null) {
      return true;
    }
    if (!(existing instanceof Field field)
        || !(added instanceof Field other)
        || field.implicitEquality()
        || other.implicitEquality()) {
      return false;
    }
    List<String> operators = field.conditions().stream().map(Condition::operator).toList();
    return other.conditions().stream().map(Condition::operator).noneMatch(operators::contains);
  }

  private static Entry merge(Entry existing, Entry added) {
    List<Condition> conditions = new ArrayList<>(((Field) existing).conditions());
    conditions.addAll(((Field) added).conditions());
    return new Field(existing.key(), conditions);
  }

  /**
   * The document with each operand written by {@code operands}, which also learns whether the
   * operand sits under an odd number of {@code $nor}s.
   */
  private ObjectNode write(BiFunction<FilterOperand, Boolean, JsonNode> operands, boolean negated) {
    ObjectNode document = FilterDocuments.JSON.objectNode();
    for (Entry entry : entries) {
      JsonNode value = entry.write(operands, negated);
      if (value != null) {
        document.set(entry.key(), value);
      }
    }
    return document;
  }

  /**
   * An operator and its operand, or with {@code operator} null an implicit equality (only ever the
   * one condition of its field).
   */
  record Condition(String operator, FilterOperand operand) {
    Condition {
      Objects.requireNonNull(operand, "operand is null");
    }
  }

  /** One key of a document. */
  private sealed interface Entry permits Field, Logical {
    String key();

    /** The key's value, or null when the key is left out. */
    JsonNode write(BiFunction<FilterOperand, Boolean, JsonNode> operands, boolean negated);
  }

  /** A field's condition: {@code {key: operand}} or {@code {key: {operator: operand, ...}}}. */
  private record Field(String key, List<Condition> conditions) implements Entry {
    Field {
      conditions = List.copyOf(conditions);
    }

    boolean implicitEquality() {
      return conditions.get(0).operator() == null;
    }

    /**
     * Null when an operand cannot narrow the scan, and a condition matching nothing when an operand
     * must match nothing: either way for the whole field condition.
     */
    @Override
    public JsonNode write(BiFunction<FilterOperand, Boolean, JsonNode> operands, boolean negated) {
      ObjectNode condition = FilterDocuments.JSON.objectNode();
      for (Condition c : conditions) {
        JsonNode operand = operands.apply(c.operand(), negated);
        if (operand == FilterOperand.MATCHES_NOTHING) {
          return FilterDocuments.matchesNothing(); // its own node: callers own what they get
        }
        if (operand == null || c.operator() == null) {
          return operand;
        }
        condition.set(c.operator(), operand);
      }
      return condition;
    }
  }

  /** {@code $and}, {@code $or} or {@code $nor} of documents. */
  private record Logical(String key, List<PushedFilter> documents) implements Entry {
    @Override
    public JsonNode write(BiFunction<FilterOperand, Boolean, JsonNode> operands, boolean negated) {
      boolean documentsNegated = negated ^ key.equals("$nor");
      ArrayNode array = FilterDocuments.JSON.arrayNode(documents.size());
      documents.forEach(document -> array.add(document.write(operands, documentsNegated)));
      return array;
    }
  }
}
