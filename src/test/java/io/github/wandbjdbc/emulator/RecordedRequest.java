package io.github.wandbjdbc.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One {@code /graphql} request as the emulator saw it.
 *
 * @param operationName the operation's name from the document, or its root field names joined by
 *     "," when unnamed; {@code "<invalid>"} when the body or document could not be parsed
 * @param variables the request's variables, {@link NullNode} when absent
 * @param headers request headers with lower-case names (values of repeated headers joined by ",")
 * @param status the HTTP status answered; 0 while the request is still being handled (as seen by
 *     {@link WandbEmulator#beforeEachRequest})
 */
public record RecordedRequest(
    String operationName,
    String query,
    JsonNode variables,
    Map<String, String> headers,
    int status) {

  public RecordedRequest {
    Objects.requireNonNull(operationName, "operationName is null");
    variables = variables == null ? NullNode.getInstance() : variables;
    headers = Map.copyOf(headers);
  }

  RecordedRequest withStatus(int status) {
    return new RecordedRequest(operationName, query, variables, headers, status);
  }

  /** The Authorization header carries the API key, so it is redacted here. */
  @Override
  public String toString() {
    Map<String, String> shown = new TreeMap<>(headers);
    shown.computeIfPresent("authorization", (name, value) -> "<redacted>");
    return "RecordedRequest[operationName="
        + operationName
        + ", status="
        + status
        + ", variables="
        + variables
        + ", headers="
        + shown
        + "]";
  }
}
