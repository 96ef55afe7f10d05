package io.github.wandbjdbc.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A bare java.net.http client for the emulator's tests: what goes on the wire is explicit. */
final class EmulatorHttp {
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final WandbEmulator emulator;

  EmulatorHttp(WandbEmulator emulator) {
    this.emulator = emulator;
  }

  record Response(int status, HttpHeaders headers, String text) {
    JsonNode json() {
      try {
        return JsonText.ENVELOPE.readTree(text);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + text, e);
      }
    }

    JsonNode data() {
      JsonNode json = json();
      if (json.has("errors")) {
        throw new AssertionError("unexpected errors: " + json.get("errors"));
      }
      return json.get("data");
    }
  }

  static String basicAuth(String key) {
    return "Basic "
        + Base64.getEncoder().encodeToString(("api:" + key).getBytes(StandardCharsets.UTF_8));
  }

  /** Body {query, variables} like the legacy client: no operationName key. */
  Response query(String document, ObjectNode variables) {
    ObjectNode body = TestData.NODES.objectNode().put("query", document);
    if (variables != null) {
      body.set("variables", variables);
    }
    return post(body.toString(), basicAuth(emulator.apiKey()));
  }

  /** Body {query, variables, operationName} like wandb-core. */
  Response query(String document, ObjectNode variables, String operationName) {
    ObjectNode body = TestData.NODES.objectNode().put("query", document);
    if (variables != null) {
      body.set("variables", variables);
    }
    body.put("operationName", operationName);
    return post(body.toString(), basicAuth(emulator.apiKey()));
  }

  Response post(String body, String authorization) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/graphql"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("User-Agent", "W&B Public Client 0.30.0")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return send(request.build());
  }

  Response get(String path) {
    return send(
        HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path))
            .timeout(Duration.ofSeconds(30))
            .GET()
            .build());
  }

  /** Sends and propagates I/O failures, for the tests that expect one. */
  HttpResponse<String> sendRaw(String body) throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/graphql"))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", basicAuth(emulator.apiKey()))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private Response send(HttpRequest request) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static ObjectNode vars() {
    return TestData.NODES.objectNode();
  }
}
