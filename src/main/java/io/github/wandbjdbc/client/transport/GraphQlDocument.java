package io.github.wandbjdbc.client.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A GraphQL operation kept as a resource file, {@code <operationName>.graphql} beside the class
 * that sends it. Each document is loaded once, into a constant of that class; the one whose text
 * depends on the request, {@code HistoryBatch}, is written from its template.
 */
public record GraphQlDocument(String operationName, String text) {

  public GraphQlDocument {
    Objects.requireNonNull(operationName, "operationName is null");
    Objects.requireNonNull(text, "text is null");
  }

  /** The document {@code <operationName>.graphql} beside {@code owner}. */
  public static GraphQlDocument load(Class<?> owner, String operationName) {
    return new GraphQlDocument(operationName, resource(owner, operationName + ".graphql"));
  }

  /** The text of a resource file beside {@code owner}. */
  public static String resource(Class<?> owner, String resource) {
    try (InputStream in = owner.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("GraphQL document missing from the jar: " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read GraphQL document " + resource, e);
    }
  }
}
