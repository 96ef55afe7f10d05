package io.github.wandbjdbc.client.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wandbjdbc.client.Run;
import io.github.wandbjdbc.client.RunField;
import io.github.wandbjdbc.client.RunSelection;
import io.github.wandbjdbc.client.transport.WandbJson;
import java.util.ArrayList;
import java.util.List;

/** Turns a run node of the {@code Runs} document into a {@link Run}. */
final class RunDecoder {

  private static final String OPERATION = RunPageReader.DOCUMENT.operationName();

  private RunDecoder() {}

  /**
   * Fields outside {@code selection} read as null; config and summary keys fill a partial object.
   */
  static Run decode(JsonNode node, RunSelection selection) {
    String name = WandbJson.text(node, "name");
    if (name == null) {
      throw WandbJson.unexpected(OPERATION, "a run without a name");
    }
    JsonNode lineCount = node.get("historyLineCount");
    JsonNode user = node.get("user");
    return new Run(
        WandbJson.text(node, "id"),
        name,
        WandbJson.text(node, "displayName"),
        WandbJson.text(node, "state"),
        tags(node.get("tags")),
        WandbJson.text(node, "group"),
        WandbJson.text(node, "jobType"),
        WandbJson.text(node, "sweepName"),
        WandbJson.text(node, "commit"),
        WandbJson.text(node, "notes"),
        WandbJson.text(node, "description"),
        WandbJson.instant(node.get("createdAt"), "createdAt", OPERATION),
        WandbJson.instant(node.get("heartbeatAt"), "heartbeatAt", OPERATION),
        lineCount == null || lineCount.isNull() ? null : lineCount.asLong(),
        user == null || user.isNull() ? null : WandbJson.text(user, "username"),
        config(node, selection),
        keyed(node, selection, RunField.SUMMARY_METRICS, !selection.summaryKeys().isEmpty()),
        selection.wants(RunField.SYSTEM_METRICS) ? heavy(node, "systemMetrics") : null,
        selection.wants(RunField.HISTORY_KEYS) ? heavy(node, "historyKeys") : null);
  }

  private static ObjectNode config(JsonNode node, RunSelection selection) {
    ObjectNode config = keyed(node, selection, RunField.CONFIG, !selection.configKeys().isEmpty());
    return config == null ? null : WandbJson.unwrapConfig(config);
  }

  /** The whole field, else its keys' subset (aliased {@code <field>Subset}), else null. */
  private static ObjectNode keyed(
      JsonNode node, RunSelection selection, RunField field, boolean keysWanted) {
    if (selection.wants(field)) {
      return heavy(node, field.graphQlName());
    }
    return keysWanted ? heavy(node, field.graphQlName() + "Subset") : null;
  }

  private static ObjectNode heavy(JsonNode node, String field) {
    return WandbJson.objectField(node.get(field), field, OPERATION);
  }

  private static List<String> tags(JsonNode tags) {
    if (tags == null || tags.isNull()) {
      return List.of();
    }
    List<String> result = new ArrayList<>(tags.size());
    tags.forEach(tag -> result.add(tag.asText()));
    return result;
  }
}
