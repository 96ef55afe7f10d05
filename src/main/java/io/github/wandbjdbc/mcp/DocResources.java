package io.github.wandbjdbc.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The resources: the README's "Tables and columns" section and each {@code sql-examples/*.sql} as a
 * named example query. The build copies README.md and sql-examples/ into the jar beside this class
 * (pom.xml), so their text is written once.
 */
final class DocResources {
  private static final String BASE = "/io/github/wandbjdbc/mcp/";
  private static final String SECTION = "## Tables and columns";

  private DocResources() {}

  static List<SyncResourceSpecification> all() {
    List<SyncResourceSpecification> all = new ArrayList<>();
    all.add(
        resource(
            "wandb-jdbc://docs/tables-and-columns",
            "tables-and-columns",
            "The tables, their columns and the discovered config.* / summary.* / history keys",
            "text/markdown",
            section(read(BASE + "README.md"))));
    for (String file : exampleFiles()) {
      String sql = read(BASE + "sql-examples/" + file);
      String name = file.replaceFirst("\\.sql$", "");
      all.add(
          resource(
              "wandb-jdbc://examples/" + name,
              name,
              sql.lines().findFirst().orElse("").replaceFirst("^--\\s*", ""),
              "application/sql",
              sql.lines()
                  .filter(line -> !line.startsWith("-- expect-request:"))
                  .collect(Collectors.joining("\n"))));
    }
    return all;
  }

  private static SyncResourceSpecification resource(
      String uri, String name, String description, String mimeType, String text) {
    Resource resource =
        Resource.builder(uri, name).description(description).mimeType(mimeType).build();
    ReadResourceResult contents =
        ReadResourceResult.builder(
                List.of(TextResourceContents.builder(uri, text).mimeType(mimeType).build()))
            .build();
    return new SyncResourceSpecification(resource, (exchange, request) -> contents);
  }

  /** The README from the section's heading up to the next heading of its level. */
  static String section(String readme) {
    int start = readme.indexOf(SECTION);
    int end = readme.indexOf("\n## ", start + SECTION.length());
    return readme.substring(start, end < 0 ? readme.length() : end).strip();
  }

  private static String read(String resource) {
    try (InputStream in = DocResources.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource + " (see pom.xml)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The example files' names, sorted, from the class directory or from the jar. */
  private static List<String> exampleFiles() {
    URL url = DocResources.class.getResource(BASE + "sql-examples");
    if (url == null) {
      throw new IllegalStateException("missing resource " + BASE + "sql-examples (see pom.xml)");
    }
    try {
      URI uri = url.toURI();
      if (!"jar".equals(uri.getScheme())) {
        return names(Path.of(uri));
      }
      try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
        return names(jar.provider().getPath(uri));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".sql"))
          .sorted()
          .toList();
    }
  }
}
