package io.github.wandbjdbc.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A GraphQL operation kept as a resource file ({@code <operationName>.graphql} beside this class).
 * Each document is loaded once, into one of the constants below; the one whose text depends on the
 * request, {@code HistoryBatch}, is written from its template by {@link HistoryBatchDocument}.
 */
record GraphQlDocument(String operationName, String text) {

  static final GraphQlDocument VIEWER = load("Viewer");
  static final GraphQlDocument GET_PROJECTS = load("GetProjects");
  static final GraphQlDocument GET_PROJECT = load("GetProject");
  static final GraphQlDocument RUNS = load("Runs");
  static final GraphQlDocument RUN_COUNT = load("RunCount");
  static final GraphQlDocument RUN_COUNTS = load("RunCounts");

  GraphQlDocument {
    Objects.requireNonNull(operationName, "operationName is null");
    Objects.requireNonNull(text, "text is null");
  }

  private static GraphQlDocument load(String operationName) {
    return new GraphQlDocument(operationName, resource(operationName + ".graphql"));
  }

  /** The text of a resource file beside this class. */
  static String resource(String resource) {
    try (InputStream in = GraphQlDocument.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("GraphQL document missing from the jar: " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read GraphQL document " + resource, e);
    }
  }
}
