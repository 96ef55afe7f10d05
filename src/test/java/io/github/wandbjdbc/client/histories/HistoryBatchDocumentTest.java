package io.github.wandbjdbc.client.histories;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import io.github.wandbjdbc.client.transport.WandbJson;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryBatchDocumentTest {

  @Test
  void everyKindOfReadIsOneAliasedRunWithItsValuesAsVariables() {
    HistoryBatchDocument.Request request =
        HistoryBatchDocument.of(
            "acme",
            "demo",
            List.of(
                new HistoryRead.Window("r1", 0, 1000, 1000),
                new HistoryRead.Specs(
                    "r\"2",
                    List.of(
                        new HistorySpec(List.of("_step"), 1000, 5L, 9L),
                        new HistorySpec(List.of("_step", "loss"), 1000, 5L, 9L))),
                new HistoryRead.Sampled("r3", 500),
                new HistoryRead.Events("r4", 10_000)));

    // Byte for byte the text the driver sent before the template: request sizes do not change.
    assertEquals(
        """
        query HistoryBatch($entity: String!, $project: String!, $r0: String!, $a0: Int64!, \
        $b0: Int64!, $n0: Int!, $r1: String!, $s1: [JSONString!]!, $r2: String!, $n2: Int!, \
        $r3: String!, $n3: Int!) {
          project(name: $project, entityName: $entity) {
            h0: run(name: $r0) { history(minStep: $a0, maxStep: $b0, samples: $n0) }
            h1: run(name: $r1) { sampledHistory(specs: $s1) }
            h2: run(name: $r2) { history(samples: $n2) }
            h3: run(name: $r3) { eventsLineCount events(samples: $n3) }
          }
        }
        """,
        request.document().text());
    String spec = "{\"keys\":[%s],\"samples\":1000,\"minStep\":5,\"maxStep\":9}";
    ObjectNode variables =
        WandbJson.MAPPER
            .createObjectNode()
            .put("entity", "acme")
            .put("project", "demo")
            .put("r0", "r1")
            .put("a0", 0L)
            .put("b0", 1000L)
            .put("n0", 1000)
            .put("r1", "r\"2");
    variables
        .putArray("s1")
        .add(spec.formatted("\"_step\""))
        .add(spec.formatted("\"_step\",\"loss\""));
    variables.put("r2", "r3").put("n2", 500).put("r3", "r4").put("n3", 10_000);
    // Compared as text, so that the order of the variables counts too.
    assertEquals(variables.toString(), request.variables().toString());
    Document parsed = Parser.parse(request.document().text());
    List<OperationDefinition> operations = parsed.getDefinitionsOfType(OperationDefinition.class);
    assertEquals(1, operations.size());
    assertEquals("HistoryBatch", operations.get(0).getName());
    assertEquals("HistoryBatch", request.document().operationName());
  }
}
