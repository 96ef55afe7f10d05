package io.github.wandbjdbc.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A dotted key path into a run, read as W&B's {@code filters} and {@code order} arguments read it
 * (wandb-api.md §3, §4). {@link #resolve} returns Java {@code null} for a missing field and {@link
 * NullNode} for a present null: run columns ({@code group}, {@code tags}, ...) are always present,
 * config and summary keys may be absent.
 *
 * <p>{@code config.<key>} and {@code config.<key>.value} both address the stored {@code {"value":
 * v, "desc": null}} wrapper's value, and {@code config.a.b} means {@code config.a.value.b}; so a
 * config key containing a dot cannot be addressed (W&B's known limitation, kept on purpose). Below
 * the root, segments step into objects, a numeric segment indexes an array, and a name applied to
 * an array collects that field from its object elements (MongoDB's array traversal, flattened to
 * one array of the values found).
 */
record RunFieldPath(Root root, List<String> rest) {

  enum Root {
    NAME,
    DISPLAY_NAME,
    STATE,
    TAGS,
    CREATED_AT,
    HEARTBEAT_AT,
    GROUP,
    JOB_TYPE,
    SWEEP,
    USERNAME,
    HOST,
    CONFIG,
    SUMMARY,
    UNKNOWN
  }

  private static final Map<String, Root> FILTER_ROOTS =
      Map.ofEntries(
          Map.entry("name", Root.NAME),
          Map.entry("display_name", Root.DISPLAY_NAME),
          Map.entry("displayName", Root.DISPLAY_NAME),
          Map.entry("state", Root.STATE),
          Map.entry("tags", Root.TAGS),
          Map.entry("created_at", Root.CREATED_AT),
          Map.entry("createdAt", Root.CREATED_AT),
          Map.entry("heartbeat_at", Root.HEARTBEAT_AT),
          Map.entry("heartbeatAt", Root.HEARTBEAT_AT),
          Map.entry("group", Root.GROUP),
          Map.entry("jobType", Root.JOB_TYPE),
          Map.entry("sweep", Root.SWEEP),
          Map.entry("username", Root.USERNAME),
          Map.entry("host", Root.HOST),
          Map.entry("config", Root.CONFIG),
          Map.entry("summary_metrics", Root.SUMMARY));

  private static final Map<String, Root> ORDER_ROOTS =
      Map.of(
          "name",
          Root.NAME,
          "display_name",
          Root.DISPLAY_NAME,
          "displayName",
          Root.DISPLAY_NAME,
          "state",
          Root.STATE,
          "created_at",
          Root.CREATED_AT,
          "createdAt",
          Root.CREATED_AT,
          "heartbeat_at",
          Root.HEARTBEAT_AT,
          "heartbeatAt",
          Root.HEARTBEAT_AT,
          "config",
          Root.CONFIG,
          "summary_metrics",
          Root.SUMMARY);

  RunFieldPath {
    Objects.requireNonNull(root, "root is null");
    rest = List.copyOf(rest);
  }

  /** A filter key; an unknown top-level key resolves to missing in every run. */
  static RunFieldPath forFilter(String key) {
    List<String> segments = segments(key, "filter key");
    Root root = FILTER_ROOTS.getOrDefault(segments.get(0), Root.UNKNOWN);
    return new RunFieldPath(root, segments.subList(1, segments.size()));
  }

  /**
   * An order path; a path whose first segment is not a sortable run field means {@code
   * summary_metrics.<path>}, as the W&B UI maps bare metric names.
   */
  static RunFieldPath forOrder(String path) {
    List<String> segments = segments(path, "order path");
    Root root = ORDER_ROOTS.get(segments.get(0));
    if (root == null) {
      return new RunFieldPath(Root.SUMMARY, segments);
    }
    if ((root == Root.CONFIG || root == Root.SUMMARY) && segments.size() == 1) {
      throw new IllegalArgumentException(
          "order path '" + path + "' needs a key after '" + segments.get(0) + ".'");
    }
    return new RunFieldPath(root, segments.subList(1, segments.size()));
  }

  private static List<String> segments(String path, String what) {
    List<String> segments = Arrays.asList(path.split("\\.", -1));
    if (segments.contains("")) {
      throw new IllegalArgumentException(what + " '" + path + "' has an empty path segment");
    }
    return segments;
  }

  boolean isTimestamp() {
    return (root == Root.CREATED_AT || root == Root.HEARTBEAT_AT) && rest.isEmpty();
  }

  /** The run's timestamp for a {@link #isTimestamp() timestamp path}; null for none. */
  Instant instant(EmulatedRun run) {
    return root == Root.CREATED_AT ? run.createdAt() : run.heartbeatAt();
  }

  /** The value at this path: Java null when missing, {@link NullNode} when present but null. */
  JsonNode resolve(EmulatedRun run) {
    switch (root) {
      case CONFIG:
        return resolveConfig(run.config());
      case SUMMARY:
        return traverse(run.summary(), rest);
      case UNKNOWN:
        return null;
      default:
        return traverse(column(run), rest);
    }
  }

  private JsonNode column(EmulatedRun run) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    switch (root) {
      case NAME:
        return nodes.textNode(run.name());
      case DISPLAY_NAME:
        return text(run.displayName());
      case STATE:
        return text(run.state());
      case TAGS:
        if (run.tags() == null) {
          return NullNode.getInstance();
        }
        ArrayNode tags = nodes.arrayNode();
        run.tags().forEach(tags::add);
        return tags;
      case CREATED_AT:
      case HEARTBEAT_AT:
        Instant instant = instant(run);
        return instant == null
            ? NullNode.getInstance()
            : nodes.textNode(IsoTimestamps.format(instant));
      case GROUP:
        return text(run.group());
      case JOB_TYPE:
        return text(run.jobType());
      case SWEEP:
        return text(run.sweepName());
      case USERNAME:
        return text(run.username());
      case HOST:
        return text(run.host());
      default:
        throw new IllegalStateException("not a run column: " + root);
    }
  }

  private static JsonNode text(String value) {
    return value == null ? NullNode.getInstance() : JsonNodeFactory.instance.textNode(value);
  }

  private JsonNode resolveConfig(JsonNode config) {
    if (rest.isEmpty()) {
      return config;
    }
    JsonNode wrapper = config.get(rest.get(0));
    if (wrapper == null) {
      return null;
    }
    List<String> inner = rest.subList(1, rest.size());
    if (!(wrapper.isObject() && wrapper.has("value"))) {
      return traverse(wrapper, inner);
    }
    if (!inner.isEmpty() && inner.get(0).equals("value")) {
      inner = inner.subList(1, inner.size());
    }
    return traverse(wrapper.get("value"), inner);
  }

  private static JsonNode traverse(JsonNode start, List<String> segments) {
    JsonNode node = start;
    for (String segment : segments) {
      if (node == null) {
        return null;
      }
      node = step(node, segment);
    }
    return node;
  }

  private static JsonNode step(JsonNode node, String segment) {
    if (node.isObject()) {
      return node.get(segment);
    }
    if (!node.isArray()) {
      return null;
    }
    if (segment.chars().allMatch(Character::isDigit) && segment.length() < 10) {
      return node.get(Integer.parseInt(segment));
    }
    ArrayNode found = JsonNodeFactory.instance.arrayNode();
    for (JsonNode element : node) {
      JsonNode value = element.isObject() ? element.get(segment) : null;
      if (value != null) {
        found.add(value);
      }
    }
    return found.isEmpty() ? null : found;
  }
}
