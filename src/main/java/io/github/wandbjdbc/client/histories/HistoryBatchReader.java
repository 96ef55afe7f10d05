package io.github.wandbjdbc.client.histories;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wandbjdbc.client.Cancellation;
import io.github.wandbjdbc.client.WandbNotFoundException;
import io.github.wandbjdbc.client.transport.GraphQlTransport;
import io.github.wandbjdbc.client.transport.WandbJson;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends batches of history reads of one project, one request per batch ({@link
 * HistoryBatchDocument}). Safe for several threads at once; {@link #close()} (from any thread)
 * cancels every request in flight or waiting to retry, file downloads of the same scan included,
 * and refuses new ones.
 */
final class HistoryBatchReader implements AutoCloseable {
  private final GraphQlTransport transport;
  private final String entity;
  private final String project;
  private final Cancellation cancellation;

  /** Reads of one scan; cancelling {@code scope} (or {@link #close()}) stops them. */
  HistoryBatchReader(
      GraphQlTransport transport, String entity, String project, Cancellation scope) {
    this.transport = transport;
    this.entity = entity;
    this.project = project;
    this.cancellation = scope;
  }

  /** Sends {@code reads} as one request; answers in the same order. */
  List<HistoryAnswer> read(List<HistoryRead> reads) {
    if (reads.isEmpty()) {
      return List.of();
    }
    String operation = HistoryBatchDocument.OPERATION;
    JsonNode projectNode = send(reads);
    List<HistoryAnswer> answers = new ArrayList<>(reads.size());
    for (int i = 0; i < reads.size(); i++) {
      answers.add(answer(reads.get(i), projectNode.get("h" + i), operation));
    }
    return answers;
  }

  /**
   * What W&B has exported of each of {@code runs}, in order, in one request. A run W&B no longer
   * has, or answers without export, has no files (and is read live, which finds what is left).
   */
  List<RunExport> exports(List<String> runs) {
    String operation = HistoryBatchDocument.OPERATION;
    JsonNode projectNode = send(runs.stream().<HistoryRead>map(HistoryRead.Exports::new).toList());
    List<RunExport> exports = new ArrayList<>(runs.size());
    for (int i = 0; i < runs.size(); i++) {
      JsonNode answer = projectNode.path("h" + i).path("parquetHistory");
      exports.add(export(runs.get(i), answer, operation));
    }
    return exports;
  }

  /** Sends {@code reads} as one request; the project, whose aliased runs answer them. */
  private JsonNode send(List<HistoryRead> reads) {
    HistoryBatchDocument.Request request = HistoryBatchDocument.of(entity, project, reads);
    JsonNode projectNode =
        transport.execute(request.document(), request.variables(), cancellation).get("project");
    if (projectNode == null || projectNode.isNull()) {
      throw WandbNotFoundException.project(HistoryBatchDocument.OPERATION, entity, project);
    }
    return projectNode;
  }

  private static RunExport export(String run, JsonNode answer, String operation) {
    List<String> files = new ArrayList<>();
    answer
        .path("parquetUrls")
        .forEach(
            url -> {
              if (url.isTextual() && !url.asText().isEmpty()) {
                files.add(url.asText());
              }
            });
    Long liveFrom = null;
    JsonNode live = answer.get("liveData");
    if (live != null && !live.isNull()) {
      live = WandbJson.decodeJsonString(live, "liveData", operation);
      for (JsonNode row : live) {
        JsonNode step = row.get("_step");
        if (step == null || !step.isNumber() || step.asDouble() != Math.rint(step.asDouble())) {
          return new RunExport(run, List.of(), null); // no boundary to trust: read it all live
        }
        liveFrom = liveFrom == null ? step.asLong() : Math.min(liveFrom, step.asLong());
      }
    }
    return new RunExport(run, files, liveFrom);
  }

  private static HistoryAnswer answer(HistoryRead read, JsonNode run, String operation) {
    int lists = read instanceof HistoryRead.Specs specs ? specs.specs().size() : 1;
    if (run == null || run.isNull()) {
      // Deleted since it was listed: its history is gone too.
      List<List<ObjectNode>> empty = new ArrayList<>();
      for (int i = 0; i < lists; i++) {
        empty.add(List.of());
      }
      return new HistoryAnswer(empty, null);
    }
    if (read instanceof HistoryRead.Specs) {
      JsonNode sampled =
          WandbJson.decodeJsonString(run.get("sampledHistory"), "sampledHistory", operation);
      if (!sampled.isArray() || sampled.size() != lists) {
        throw WandbJson.unexpected(operation, "sampledHistory does not hold one list per spec");
      }
      List<List<ObjectNode>> result = new ArrayList<>(lists);
      sampled.forEach(rows -> result.add(rows(rows, "sampledHistory", operation)));
      return new HistoryAnswer(result, null);
    }
    if (read instanceof HistoryRead.Events) {
      JsonNode count = run.get("eventsLineCount");
      return new HistoryAnswer(
          List.of(rows(run.get("events"), "events", operation)),
          count != null && count.canConvertToLong() ? count.asLong() : null);
    }
    return new HistoryAnswer(List.of(rows(run.get("history"), "history", operation)), null);
  }

  /** History rows: each a JSON string (history, events) or an object (sampledHistory). */
  private static List<ObjectNode> rows(JsonNode list, String field, String operation) {
    if (list == null || list.isNull()) {
      return List.of();
    }
    if (!list.isArray()) {
      throw WandbJson.unexpected(operation, field + " is not a list");
    }
    List<ObjectNode> rows = new ArrayList<>(list.size());
    list.forEach(row -> rows.add(WandbJson.objectField(row, field, operation)));
    return rows;
  }

  @Override
  public void close() {
    cancellation.cancel();
  }
}
