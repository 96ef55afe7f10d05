package io.github.wandbjdbc.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bin/wandb-emulator} in a child JVM, so that its dataset is not in the benchmark's heap.
 */
record EmulatorProcess(Process process, String jdbcUrl, String baseUrl, String apiKey)
    implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Without parquet exports, and a JDBC URL that does not ask for them: the benchmarks that measure
   * the live GraphQL path (windows, cap probes, the history cache) keep measuring exactly it; the
   * exports section asks for exports itself.
   */
  static EmulatorProcess start(int runs, int steps, long latencyMs, double rateLimit)
      throws Exception {
    EmulatorProcess live =
        start(runs, steps, latencyMs, rateLimit, List.of("--parquet-exports", "none"));
    return new EmulatorProcess(
        live.process(), live.jdbcUrl() + ";exports=false", live.baseUrl(), live.apiKey());
  }

  /** With more launcher flags, e.g. {@code --file-latency-ms 50}. */
  static EmulatorProcess start(
      int runs, int steps, long latencyMs, double rateLimit, List<String> flags) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-Xmx12g",
                "-cp",
                System.getProperty("java.class.path"),
                "io.github.wandbjdbc.emulator.EmulatorMain",
                "--runs",
                String.valueOf(runs),
                "--history-steps",
                String.valueOf(steps),
                "--latency-ms",
                String.valueOf(latencyMs),
                "--rate-limit",
                String.valueOf(rateLimit)));
    command.addAll(flags);
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String jdbcUrl = out.readLine();
    String baseUrl = out.readLine();
    String apiKey = out.readLine();
    if (apiKey == null) {
      process.destroy();
      throw new IllegalStateException("the emulator did not start");
    }
    return new EmulatorProcess(process, jdbcUrl, baseUrl, apiKey);
  }

  /** Every {@code /graphql} request so far. */
  long requests() throws Exception {
    return stats().get("requests").asLong();
  }

  /** {@code HistoryBatch} requests so far: the history reads, without the run listings. */
  long historyRequests() throws Exception {
    return stats().path("operations").path("HistoryBatch").asLong();
  }

  /** Response bytes sent so far, all operations. */
  long bytesOut() throws Exception {
    return stats().get("bytesOut").asLong();
  }

  /** GraphQL and file storage traffic so far, or between two snapshots. */
  record Traffic(long graphQlRequests, long graphQlBytes, long fileRequests, long fileBytes) {
    Traffic since(Traffic earlier) {
      return new Traffic(
          graphQlRequests - earlier.graphQlRequests,
          graphQlBytes - earlier.graphQlBytes,
          fileRequests - earlier.fileRequests,
          fileBytes - earlier.fileBytes);
    }
  }

  Traffic traffic() throws Exception {
    JsonNode stats = stats();
    return new Traffic(
        stats.get("requests").asLong(),
        stats.get("bytesOut").asLong(),
        stats.path("files").path("requests").asLong(),
        stats.path("files").path("bytesSent").asLong());
  }

  private JsonNode stats() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/_emulator/stats")).build(),
                HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }

  /** Not {@code throws InterruptedException}: an interrupt is kept on the thread instead. */
  @Override
  public void close() {
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
