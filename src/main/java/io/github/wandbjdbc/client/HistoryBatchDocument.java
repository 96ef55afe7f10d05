package io.github.wandbjdbc.client;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Writes one GraphQL request for several history reads: each read is an aliased {@code run} field
 * ({@code h0}, {@code h1}, ...) of one {@code project}, so reads of many runs, or of many windows
 * of one run, cost one round trip. Values travel as variables, never spliced into the text, so run
 * names need no escaping. The text depends only on the reads' kinds, not values.
 */
final class HistoryBatchDocument {
  static final String OPERATION = "HistoryBatch";

  private HistoryBatchDocument() {}

  record Request(GraphQlDocument document, ObjectNode variables) {}

  static Request of(String entity, String project, List<HistoryRead> reads) {
    StringBuilder declarations = new StringBuilder("$entity: String!, $project: String!");
    StringBuilder fields = new StringBuilder();
    ObjectNode variables =
        WandbJson.MAPPER.createObjectNode().put("entity", entity).put("project", project);
    for (int i = 0; i < reads.size(); i++) {
      HistoryRead read = reads.get(i);
      declarations.append(", $r").append(i).append(": String!");
      variables.put("r" + i, read.run());
      fields.append("    h").append(i).append(": run(name: $r").append(i).append(") { ");
      fields.append(field(read, i, declarations, variables));
      fields.append(" }\n");
    }
    String text =
        "query "
            + OPERATION
            + "("
            + declarations
            + ") {\n"
            + "  project(name: $project, entityName: $entity) {\n"
            + fields
            + "  }\n}\n";
    return new Request(new GraphQlDocument(OPERATION, text), variables);
  }

  /** The selection of read {@code i}, declaring and setting the variables it uses. */
  private static String field(
      HistoryRead read, int i, StringBuilder declarations, ObjectNode variables) {
    if (read instanceof HistoryRead.Window w) {
      declarations
          .append(", $a")
          .append(i)
          .append(": Int64!, $b")
          .append(i)
          .append(": Int64!, $n")
          .append(i)
          .append(": Int!");
      variables.put("a" + i, w.minStep()).put("b" + i, w.maxStep()).put("n" + i, w.samples());
      return "history(minStep: $a" + i + ", maxStep: $b" + i + ", samples: $n" + i + ")";
    }
    if (read instanceof HistoryRead.Specs s) {
      declarations.append(", $s").append(i).append(": [JSONString!]!");
      ArrayNode specs = variables.putArray("s" + i);
      s.specs().forEach(spec -> specs.add(spec.toJson()));
      return "sampledHistory(specs: $s" + i + ")";
    }
    declarations.append(", $n").append(i).append(": Int!");
    if (read instanceof HistoryRead.Sampled s) {
      variables.put("n" + i, s.samples());
      return "history(samples: $n" + i + ")";
    }
    HistoryRead.Events e = (HistoryRead.Events) read;
    variables.put("n" + i, e.samples());
    return "eventsLineCount events(samples: $n" + i + ")";
  }
}
