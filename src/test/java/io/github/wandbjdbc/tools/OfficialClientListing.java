package io.github.wandbjdbc.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wandbjdbc.emulator.OfficialClientDocuments;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * What the official Python client's {@code api.runs(path, filters, order, per_page, lazy)} sends to
 * read {@code wanted} runs, replayed against the emulator: its {@code Runs} document (lightweight
 * or full fragment), pages of {@code per_page} runs, each next page asked with the last edge's
 * cursor until W&B says no page follows or the wanted runs are in hand (wandb-api.md §2.3, §10).
 * Its GetDefaultEntity request is connection set-up and left out, as the driver's discovery is.
 *
 * @param call the Python call, as the benchmark prints it
 * @param filters the filter document, as W&B receives it
 * @param order the order string ({@code "+created_at"} is the client's default)
 * @param perPage the call's {@code per_page} (default 50)
 * @param lazy whether the listing uses the lightweight fragment
 * @param wanted runs the caller reads, or -1 for all
 */
record OfficialClientListing(
    String call, String filters, String order, int perPage, boolean lazy, long wanted) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Sends the listing's pages; returns the runs listed. */
  long replay(WandbEmulator emulator, String project) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    String auth =
        Base64.getEncoder()
            .encodeToString(("api:" + emulator.apiKey()).getBytes(StandardCharsets.UTF_8));
    String cursor = null;
    long listed = 0;
    while (true) {
      ObjectNode variables =
          JSON.createObjectNode()
              .put("project", project)
              .put("entity", "acme")
              .put("cursor", cursor)
              .put("perPage", perPage)
              .put("order", order)
              .put("filters", filters);
      ObjectNode body =
          JSON.createObjectNode()
              .put(
                  "query",
                  lazy
                      ? OfficialClientDocuments.RUNS_LIGHTWEIGHT
                      : OfficialClientDocuments.RUNS_FULL)
              .set("variables", variables);
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/graphql"))
              .header("Authorization", "Basic " + auth)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
              .build();
      JsonNode runs =
          JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body())
              .at("/data/project/runs");
      JsonNode edges = runs.path("edges");
      listed += edges.size();
      if (!runs.at("/pageInfo/hasNextPage").asBoolean() || wanted >= 0 && listed >= wanted) {
        return wanted >= 0 ? Math.min(listed, wanted) : listed;
      }
      cursor = edges.get(edges.size() - 1).path("cursor").asText();
    }
  }
}
