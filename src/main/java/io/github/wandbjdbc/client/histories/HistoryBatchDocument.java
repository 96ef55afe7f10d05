package io.github.wandbjdbc.client.histories;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wandbjdbc.client.transport.GraphQlDocument;
import io.github.wandbjdbc.client.transport.WandbJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes one GraphQL request for several history reads from the template {@code
 * HistoryBatch.graphql}: each read is an aliased {@code run} field ({@code h0}, {@code h1}, ...) of
 * one {@code project}. Values travel as variables, never spliced into the text, so run names need
 * no escaping. The text depends only on the reads' kinds, not values.
 */
final class HistoryBatchDocument {
  static final String OPERATION = "HistoryBatch";
  private static final Pattern HEADER = Pattern.compile("# \\[([\\w.]+)]");
  private static final Map<String, String> TEMPLATE =
      sections(GraphQlDocument.resource(HistoryBatchDocument.class, OPERATION + ".graphql"));

  private HistoryBatchDocument() {}

  record Request(GraphQlDocument document, ObjectNode variables) {}

  static Request of(String entity, String project, List<HistoryRead> reads) {
    ObjectNode variables =
        WandbJson.MAPPER.createObjectNode().put("entity", entity).put("project", project);
    StringJoiner declarations = new StringJoiner(", ");
    StringJoiner runs = new StringJoiner("\n");
    for (int i = 0; i < reads.size(); i++) {
      HistoryRead read = reads.get(i);
      variables.put("r" + i, read.run());
      String kind = putVariables(read, i, variables);
      declarations.add(section("run.variables", i));
      String kindVariables = section(kind + ".variables", i);
      if (!kindVariables.isEmpty()) {
        declarations.add(kindVariables);
      }
      runs.add(section("run", i).replace("{selection}", section(kind, i)));
    }
    String text =
        TEMPLATE
                .get("operation")
                .replace("{variables}", declarations.toString())
                .replace("{runs}", runs.toString())
            + "\n";
    return new Request(new GraphQlDocument(OPERATION, text), variables);
  }

  /** Sets the variables of read {@code i} and names its template section. */
  private static String putVariables(HistoryRead read, int i, ObjectNode variables) {
    if (read instanceof HistoryRead.Window w) {
      variables.put("a" + i, w.minStep()).put("b" + i, w.maxStep()).put("n" + i, w.samples());
      return "window";
    }
    if (read instanceof HistoryRead.Specs s) {
      ArrayNode specs = variables.putArray("s" + i);
      s.specs().forEach(spec -> specs.add(spec.toJson()));
      return "specs";
    }
    if (read instanceof HistoryRead.Exports) {
      return "exports";
    }
    if (read instanceof HistoryRead.Sampled s) {
      variables.put("n" + i, s.samples());
      return "sampled";
    }
    variables.put("n" + i, ((HistoryRead.Events) read).samples());
    return "events";
  }

  private static String section(String name, int i) {
    return TEMPLATE.get(name).replace("{i}", Integer.toString(i));
  }

  /** The template's sections by name: the lines under each header, without trailing blanks. */
  private static Map<String, String> sections(String template) {
    Map<String, String> sections = new HashMap<>();
    String name = null;
    List<String> lines = new ArrayList<>();
    for (String line : (template + "\n# [end]").split("\\R")) {
      Matcher header = HEADER.matcher(line);
      if (!header.matches()) {
        lines.add(line);
        continue;
      }
      while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
        lines.remove(lines.size() - 1);
      }
      if (name != null) {
        sections.put(name, String.join("\n", lines));
      }
      name = header.group(1);
      lines.clear();
    }
    return Map.copyOf(sections);
  }
}
