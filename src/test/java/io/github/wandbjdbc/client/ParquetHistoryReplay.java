package io.github.wandbjdbc.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wandbjdbc.client.runs.RunListings;
import io.github.wandbjdbc.client.transport.GraphQlDocument;
import io.github.wandbjdbc.client.transport.GraphQlTransport;
import io.github.wandbjdbc.client.transport.WandbJson;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The exports benchmark's baseline: the official client's (0.30) parquet path of {@code
 * scan_history}, run after run, one request at a time: {@code RunHistoryKeys} (for {@code
 * lastStep}), {@code RunParquetHistory} with {@code liveKeys: ["_step"]}, then the files ({@link
 * OfficialClientParquetFile}: for one key, {@code HEAD}, the footer and per 1,000-step page the
 * column chunks of the row groups meeting it; for whole rows, each file downloaded whole), and live
 * pages ({@code SampledHistoryPage} for one key, {@code HistoryPage} for whole rows) for pages
 * reaching the smallest {@code liveData} step, or for every page when W&B reports neither files nor
 * live rows. Unlike the official client, the boundary step is taken from the live page only, so no
 * row is handed over twice. GraphQL goes through this project's transport (its retries and
 * rate-limit waits), files through a plain HTTP client without credentials.
 */
public final class ParquetHistoryReplay implements AutoCloseable {
  private static final int PAGE = 1000;
  private static final GraphQlDocument HISTORY_KEYS = document("RunHistoryKeys");
  private static final GraphQlDocument PARQUET_HISTORY = document("RunParquetHistory");
  private static final GraphQlDocument SAMPLED_HISTORY_PAGE = document("SampledHistoryPage");
  private static final GraphQlDocument HISTORY_PAGE = document("HistoryPage");

  /** A row handed over: its step and the value of the followed key (null when absent). */
  public interface Rows {
    void row(long step, Double value);
  }

  private final GraphQlTransport transport;
  private final SignedUrlRequests files = new SignedUrlRequests();

  public ParquetHistoryReplay(ClientSettings settings) {
    this.transport = new GraphQlTransport(settings);
  }

  /** The runs of {@code query}, as {@link WandbClient#runs} lists them. */
  public RunIterator runs(RunQuery query) {
    return new RunListings(transport).runs(query, new RequestBudget(0));
  }

  /** {@code scan_history(keys=[key])}: the rows holding {@code key}. */
  public void scanKey(String entity, String project, String run, String key, Rows rows) {
    scan(entity, project, run, key, false, rows);
  }

  /** {@code scan_history()}: every row, every column read; {@code key}'s value handed over. */
  public void scanWholeRows(String entity, String project, String run, String key, Rows rows) {
    scan(entity, project, run, key, true, rows);
  }

  private void scan(
      String entity, String project, String run, String key, boolean wholeRows, Rows rows) {
    JsonNode lastStep =
        WandbJson.decodeJsonString(
                runNode(HISTORY_KEYS, variables(entity, project).put("name", run))
                    .get("historyKeys"),
                "historyKeys",
                HISTORY_KEYS.operationName())
            .path("lastStep");
    long end = lastStep.canConvertToLong() ? lastStep.asLong() + 1 : 0;
    ObjectNode parquetVariables = variables(entity, project).put("runName", run);
    parquetVariables.putArray("liveKeys").add(OfficialClientParquetFile.STEP);
    JsonNode exports = runNode(PARQUET_HISTORY, parquetVariables).path("parquetHistory");
    List<String> urls = new ArrayList<>();
    exports.path("parquetUrls").forEach(url -> urls.add(url.asText()));
    long liveFrom = liveFrom(urls, exports.path("liveData"));
    List<OfficialClientParquetFile> opened = new ArrayList<>();
    for (String url : urls) {
      if (wholeRows) {
        // Downloaded whole, then read locally: no more requests, so decoded here once.
        Rows exported = liveFrom == Long.MAX_VALUE ? rows : beforeLive(liveFrom, rows);
        OfficialClientParquetFile.local(files.whole(url)).readAll(key, exported);
      } else {
        opened.add(OfficialClientParquetFile.remote(files, url));
      }
    }
    for (long min = 0; min < end; min += PAGE) {
      long max = min + PAGE;
      for (OfficialClientParquetFile file : opened) {
        if (min < liveFrom) {
          file.readSteps(min, Math.min(max, liveFrom), key, rows);
        }
      }
      if (max >= liveFrom) {
        Rows live = fromLive(Math.max(min, liveFrom), rows);
        if (wholeRows) {
          historyPage(entity, project, run, min, max, key, live);
        } else {
          sampledHistoryPage(entity, project, run, min, max, key, live);
        }
      }
    }
  }

  /** The smallest live step; 0 when W&B reports nothing (all live), MAX_VALUE when all exported. */
  private static long liveFrom(List<String> urls, JsonNode liveData) {
    if (urls.isEmpty() && liveData.isEmpty()) {
      return 0;
    }
    long smallest = Long.MAX_VALUE;
    for (JsonNode row : liveData) {
      smallest = Math.min(smallest, row.path(OfficialClientParquetFile.STEP).asLong());
    }
    return smallest;
  }

  /** {@code maxStep} sent as {@code max - 1}: W&B's is inclusive, as wandb-core knows. */
  private void sampledHistoryPage(
      String entity, String project, String run, long min, long max, String key, Rows rows) {
    ObjectNode spec = WandbJson.MAPPER.createObjectNode();
    spec.putArray("keys").add(key).add(OfficialClientParquetFile.STEP);
    spec.put("maxStep", max - 1).put("minStep", min).put("samples", max - min);
    ObjectNode variables = variables(entity, project).put("run", run).put("spec", json(spec));
    String operation = SAMPLED_HISTORY_PAGE.operationName();
    JsonNode page =
        WandbJson.decodeJsonString(
                runNode(SAMPLED_HISTORY_PAGE, variables).get("sampledHistory"),
                "sampledHistory",
                operation)
            .path(0);
    page.forEach(row -> hand(WandbJson.objectField(row, "sampledHistory", operation), key, rows));
  }

  private void historyPage(
      String entity, String project, String run, long min, long max, String key, Rows rows) {
    ObjectNode variables =
        variables(entity, project)
            .put("run", run)
            .put("minStep", min)
            .put("maxStep", max)
            .put("pageSize", max - min);
    String operation = HISTORY_PAGE.operationName();
    runNode(HISTORY_PAGE, variables)
        .path("history")
        .forEach(row -> hand(WandbJson.objectField(row, "history", operation), key, rows));
  }

  /** As Python's json reads a value: NaN and infinities are numbers, bare or quoted. */
  private static void hand(ObjectNode row, String key, Rows rows) {
    JsonNode value = row.path(key);
    rows.row(
        row.path(OfficialClientParquetFile.STEP).asLong(),
        value.isNumber()
            ? Double.valueOf(value.doubleValue())
            : value.isTextual() ? Double.valueOf(value.asText()) : null);
  }

  private static Rows beforeLive(long liveFrom, Rows rows) {
    return (step, value) -> {
      if (step < liveFrom) {
        rows.row(step, value);
      }
    };
  }

  private static Rows fromLive(long from, Rows rows) {
    return (step, value) -> {
      if (step >= from) {
        rows.row(step, value);
      }
    };
  }

  @Override
  public void close() {
    transport.close();
  }

  private JsonNode runNode(GraphQlDocument document, ObjectNode variables) {
    JsonNode run = transport.execute(document, variables).path("project").path("run");
    if (!run.isObject()) {
      throw WandbJson.unexpected(document.operationName(), "no such project or run");
    }
    return run;
  }

  private static ObjectNode variables(String entity, String project) {
    return WandbJson.MAPPER.createObjectNode().put("entity", entity).put("project", project);
  }

  private static String json(JsonNode value) {
    try {
      return WandbJson.MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static GraphQlDocument document(String operationName) {
    return GraphQlDocument.load(ParquetHistoryReplay.class, operationName);
  }
}
