package io.github.wandbjdbc.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads histories of one project in batched requests ({@link HistoryBatchDocument}). Safe for
 * several threads at once; {@link #close()} (from any thread) cancels every request in flight or
 * waiting to retry, and refuses new ones.
 */
public final class HistoryReader implements AutoCloseable {
  private final GraphQlTransport transport;
  private final String entity;
  private final String project;
  private final Cancellation cancellation = new Cancellation();

  HistoryReader(GraphQlTransport transport, String entity, String project) {
    this.transport = transport;
    this.entity = entity;
    this.project = project;
  }

  /**
   * What one read returned: its row lists (one per spec for {@link HistoryRead.Specs}, else one)
   * and, for {@link HistoryRead.Events}, how many system-metrics rows W&B holds for the run (null
   * when it does not say). A run that no longer exists answers no rows.
   */
  public record Answer(List<List<ObjectNode>> rowLists, Long eventsLineCount) {
    public Answer {
      rowLists = List.copyOf(rowLists);
    }

    /** The rows of a read that has one list. */
    public List<ObjectNode> rows() {
      return rowLists.get(0);
    }
  }

  /** Sends {@code reads} as one request; answers in the same order. */
  public List<Answer> read(List<HistoryRead> reads) {
    if (reads.isEmpty()) {
      return List.of();
    }
    HistoryBatchDocument.Request request = HistoryBatchDocument.of(entity, project, reads);
    String operation = HistoryBatchDocument.OPERATION;
    JsonNode projectNode =
        transport.execute(request.document(), request.variables(), cancellation).get("project");
    if (projectNode == null || projectNode.isNull()) {
      throw RunPageReader.projectNotFound(operation, entity, project);
    }
    List<Answer> answers = new ArrayList<>(reads.size());
    for (int i = 0; i < reads.size(); i++) {
      answers.add(answer(reads.get(i), projectNode.get("h" + i), operation));
    }
    return answers;
  }

  private static Answer answer(HistoryRead read, JsonNode run, String operation) {
    int lists = read instanceof HistoryRead.Specs specs ? specs.specs().size() : 1;
    if (run == null || run.isNull()) {
      // Deleted since it was listed: its history is gone too.
      List<List<ObjectNode>> empty = new ArrayList<>();
      for (int i = 0; i < lists; i++) {
        empty.add(List.of());
      }
      return new Answer(empty, null);
    }
    if (read instanceof HistoryRead.Specs) {
      JsonNode sampled =
          WandbJson.decodeJsonString(run.get("sampledHistory"), "sampledHistory", operation);
      if (!sampled.isArray() || sampled.size() != lists) {
        throw WandbJson.unexpected(operation, "sampledHistory does not hold one list per spec");
      }
      List<List<ObjectNode>> result = new ArrayList<>(lists);
      sampled.forEach(rows -> result.add(WandbClient.rows(rows, "sampledHistory", operation)));
      return new Answer(result, null);
    }
    if (read instanceof HistoryRead.Events) {
      JsonNode count = run.get("eventsLineCount");
      return new Answer(
          List.of(WandbClient.rows(run.get("events"), "events", operation)),
          count != null && count.canConvertToLong() ? count.asLong() : null);
    }
    return new Answer(List.of(WandbClient.rows(run.get("history"), "history", operation)), null);
  }

  @Override
  public void close() {
    cancellation.cancel();
  }
}
