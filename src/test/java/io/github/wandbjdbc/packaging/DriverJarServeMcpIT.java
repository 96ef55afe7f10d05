package io.github.wandbjdbc.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar <driver jar> --serve-mcp}: the shaded jar's relocated MCP SDK (its JSON binding
 * found through a relocated service file), Jetty and resources work, on stdio and on HTTP.
 */
class DriverJarServeMcpIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String INITIALIZE =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
          + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
          + "\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}";
  private static WandbEmulator emulator;

  @BeforeAll
  static void start() {
    emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults(), DatasetGenerator.generate(GeneratorSpec.defaults(17)));
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private static Process serve(String... args) throws Exception {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                DriverJar.path().toString(),
                "--serve-mcp"));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }

  @Test
  void onStdioEveryLineOnStdoutIsAProtocolMessage() throws Exception {
    Process process = serve("--url", emulator.jdbcUrl("demo"));
    try {
      OutputStream in = process.getOutputStream();
      String calls =
          String.join(
              "\n",
              INITIALIZE,
              "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
              "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"query\","
                  + "\"arguments\":{\"sql\":\"SELECT COUNT(*) AS n FROM runs\"}}}",
              "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"resources/read\","
                  + "\"params\":{\"uri\":\"wandb-jdbc://examples/01-best-adam-runs\"}}",
              "");
      in.write(calls.getBytes(StandardCharsets.UTF_8));
      in.flush();
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      Map<Integer, JsonNode> answers = new HashMap<>();
      CompletableFuture.runAsync(
              () -> {
                while (answers.size() < 3) {
                  JsonNode message = readJson(out);
                  answers.put(message.get("id").asInt(), message);
                }
              })
          .get(120, TimeUnit.SECONDS);
      assertEquals("wandb-jdbc", answers.get(1).at("/result/serverInfo/name").asText());
      JsonNode count = answers.get(2).at("/result/structuredContent/rows/0/0");
      assertEquals(
          emulator.dataset().projects().stream()
              .filter(p -> p.name().equals("demo"))
              .findFirst()
              .orElseThrow()
              .runs()
              .size(),
          count.asInt());
      assertTrue(
          answers.get(3).at("/result/contents/0/text").asText().contains("SELECT run_id"),
          answers.get(3).toString());
      in.close();
      assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the server ends with its input");
    } finally {
      process.destroy();
    }
  }

  @Test
  void overHttpTheKeyIsTheBearerToken() throws Exception {
    String url = emulator.jdbcUrl("demo").replace(";apiKey=" + emulator.apiKey(), "");
    Process process = serve("--port", "0", "--url", url);
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String endpoint =
          CompletableFuture.supplyAsync(() -> readLine(out)).get(120, TimeUnit.SECONDS);
      assertTrue(endpoint.matches("http://127\\.0\\.0\\.1:\\d+/mcp"), endpoint);
      assertFalse(endpoint.contains(emulator.apiKey()));
      HttpClient http = HttpClient.newHttpClient();
      HttpRequest.Builder initialize =
          HttpRequest.newBuilder(URI.create(endpoint))
              .header("Content-Type", "application/json")
              .header("Accept", "application/json, text/event-stream")
              .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE));
      assertEquals(
          401, http.send(initialize.build(), HttpResponse.BodyHandlers.ofString()).statusCode());
      HttpResponse<String> accepted =
          http.send(
              initialize.header("Authorization", "Bearer " + emulator.apiKey()).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, accepted.statusCode());
      assertTrue(accepted.body().contains("\"wandb-jdbc\""), accepted.body());
    } finally {
      process.destroy();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static JsonNode readJson(BufferedReader reader) {
    try {
      return JSON.readTree(readLine(reader));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String readLine(BufferedReader reader) {
    try {
      String line = reader.readLine();
      if (line == null) {
        throw new AssertionError("the server's stdout ended");
      }
      return line;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
