package io.github.wandbjdbc.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Asks the emulator for a run's exports and fetches its files, for the emulator's tests. */
final class StorageHttp {
  static final String PARQUET_HISTORY =
      "query RunParquetHistory($entity: String!, $project: String!, $runName: String!,"
          + " $liveKeys: [String!]!) { project(name: $project, entityName: $entity) {"
          + " run(name: $runName) { parquetHistory(liveKeys: $liveKeys) { parquetUrls liveData }"
          + " } } }";

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final EmulatorHttp graphQl;
  private final String entity;

  StorageHttp(WandbEmulator emulator) {
    this.graphQl = new EmulatorHttp(emulator);
    this.entity = emulator.dataset().entity();
  }

  /** {@code parquetHistory} of a run, asked as the official client asks. */
  JsonNode parquetHistory(String project, String run, String... liveKeys) {
    var variables =
        EmulatorHttp.vars().put("entity", entity).put("project", project).put("runName", run);
    var keys = variables.putArray("liveKeys");
    for (String key : liveKeys.length == 0 ? new String[] {"_step"} : liveKeys) {
      keys.add(key);
    }
    return graphQl
        .query(PARQUET_HISTORY, variables, "RunParquetHistory")
        .data()
        .at("/project/run/parquetHistory");
  }

  static List<String> urls(JsonNode parquetHistory) {
    List<String> urls = new ArrayList<>();
    parquetHistory.get("parquetUrls").forEach(url -> urls.add(url.asText()));
    return urls;
  }

  /** Sends a request; {@code headers} are name, value pairs. */
  HttpResponse<byte[]> send(String method, String url, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .method(method, HttpRequest.BodyPublishers.noBody());
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  byte[] get(String url) {
    HttpResponse<byte[]> response = send("GET", url);
    if (response.statusCode() != 200) {
      throw new AssertionError("GET " + url + ": " + response.statusCode());
    }
    return response.body();
  }
}
