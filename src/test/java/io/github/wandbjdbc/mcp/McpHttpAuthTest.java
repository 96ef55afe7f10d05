package io.github.wandbjdbc.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.wandbjdbc.emulator.EmulatorConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Over HTTP, a request without the W&B key as its bearer token gets 401 and no data. */
class McpHttpAuthTest {
  private static final String INITIALIZE =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
          + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
          + "\"clientInfo\":{\"name\":\"curl\",\"version\":\"1\"}}}";

  private static McpEndpoint endpoint;

  @BeforeAll
  static void start() throws Exception {
    endpoint = McpEndpoint.start(EmulatorConfig.defaults(), "");
  }

  @AfterAll
  static void stop() throws Exception {
    endpoint.stop();
  }

  private static HttpResponse<String> post(String authorization) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(endpoint.url()))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void withoutATokenIs401() throws Exception {
    HttpResponse<String> response = post(null);
    assertEquals(401, response.statusCode());
    assertEquals(
        "Bearer realm=\"wandb-jdbc\"",
        response.headers().firstValue("WWW-Authenticate").orElse(""));
    assertFalse(response.body().contains("wandb-jdbc\",\"version"), response.body());
  }

  @Test
  void withAWrongTokenIs401() throws Exception {
    assertEquals(401, post("Bearer not-the-key").statusCode());
    assertEquals(401, post("Basic " + endpoint.apiKey()).statusCode());
  }

  @Test
  void withTheKeyInitializes() throws Exception {
    assertEquals(200, post("Bearer " + endpoint.apiKey()).statusCode());
  }
}
