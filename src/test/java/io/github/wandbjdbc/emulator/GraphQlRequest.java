package io.github.wandbjdbc.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.util.Map;

/** A parsed {@code /graphql} body: {@code {"query", "variables", "operationName"}}. */
record GraphQlRequest(String query, JsonNode variables, String operationName) {
  GraphQlRequest {
    variables = variables == null ? NullNode.getInstance() : variables;
  }

  /**
   * @throws IllegalArgumentException when the body is not such an object
   */
  static GraphQlRequest parse(byte[] body) {
    JsonNode json;
    try {
      json = JsonText.ENVELOPE.readTree(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("request body is not JSON");
    }
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException("request body must be a JSON object");
    }
    JsonNode query = json.get("query");
    if (query == null || !query.isTextual()) {
      throw new IllegalArgumentException("request has no query");
    }
    JsonNode variables = json.get("variables");
    if (variables != null && !variables.isNull() && !variables.isObject()) {
      throw new IllegalArgumentException("variables must be a JSON object");
    }
    JsonNode name = json.get("operationName");
    return new GraphQlRequest(
        query.asText(), variables, name == null || name.isNull() ? null : name.asText());
  }

  /** Variables for graphql-java: plain Java maps, lists and numbers. */
  @SuppressWarnings("unchecked")
  Map<String, Object> variableMap() {
    return variables.isObject() ? JsonText.ENVELOPE.convertValue(variables, Map.class) : Map.of();
  }

  /** A missing or empty operationName means: the document's only operation. */
  String selectedOperation() {
    return operationName == null || operationName.isEmpty() ? null : operationName;
  }
}
