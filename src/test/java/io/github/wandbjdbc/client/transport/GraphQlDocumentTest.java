package io.github.wandbjdbc.client.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import io.github.wandbjdbc.client.RunField;
import io.github.wandbjdbc.client.WandbClient;
import io.github.wandbjdbc.client.runs.RunListings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GraphQlDocumentTest {

  private static final List<GraphQlDocument> ALL =
      List.of(
          GraphQlDocument.load(WandbClient.class, "Viewer"),
          GraphQlDocument.load(WandbClient.class, "GetProjects"),
          GraphQlDocument.load(WandbClient.class, "GetProject"),
          GraphQlDocument.load(RunListings.class, "Runs"),
          GraphQlDocument.load(RunListings.class, "RunCount"),
          GraphQlDocument.load(RunListings.class, "RunCounts"));

  @Test
  void everyDocumentParsesAndIsNamedAfterItsFile() {
    for (GraphQlDocument document : ALL) {
      Document parsed = Parser.parse(document.text());
      List<OperationDefinition> operations = parsed.getDefinitionsOfType(OperationDefinition.class);
      assertEquals(1, operations.size(), document.operationName());
      assertEquals(document.operationName(), operations.get(0).getName());
    }
  }

  @Test
  void runsSelectsEveryFieldButTheNameOnlyOnRequest() {
    String text = GraphQlDocument.load(RunListings.class, "Runs").text();
    Matcher included =
        Pattern.compile("(?:(\\w+): )?(\\w+)(?:\\(keys: \\$\\w+\\))? @include\\(if: \\$(\\w+)\\)")
            .matcher(text);
    Map<String, String> variables = new LinkedHashMap<>();
    while (included.find()) {
      variables.put(
          included.group(1) == null ? included.group(2) : included.group(1), included.group(3));
    }
    Map<String, String> expected = new LinkedHashMap<>();
    for (RunField field : RunField.values()) {
      expected.put(field.graphQlName(), field.variable());
    }
    expected.put("configSubset", "withConfigKeys");
    expected.put("summaryMetricsSubset", "withSummaryKeys");
    assertEquals(expected, variables);
    assertTrue(text.contains("configSubset: config(keys: $configKeys)"), text);
    assertTrue(text.contains("summaryMetricsSubset: summaryMetrics(keys: $summaryKeys)"), text);
    assertTrue(text.contains("filters: JSONString"), text);
  }
}
