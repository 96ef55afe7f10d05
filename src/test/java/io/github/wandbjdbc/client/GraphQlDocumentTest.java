package io.github.wandbjdbc.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GraphQlDocumentTest {

  private static final List<GraphQlDocument> ALL =
      List.of(
          GraphQlDocument.VIEWER,
          GraphQlDocument.GET_PROJECTS,
          GraphQlDocument.GET_PROJECT,
          GraphQlDocument.RUNS,
          GraphQlDocument.RUN_COUNT);

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
  void runsSelectsEveryHeavyFieldOnlyOnRequest() {
    String text = GraphQlDocument.RUNS.text();
    Matcher included = Pattern.compile("(\\w+) @include\\(if: \\$(\\w+)\\)").matcher(text);
    StringBuilder pairs = new StringBuilder();
    while (included.find()) {
      pairs.append(included.group(1)).append('=').append(included.group(2)).append(' ');
    }
    assertEquals(
        "config=withConfig summaryMetrics=withSummaryMetrics "
            + "systemMetrics=withSystemMetrics historyKeys=withHistoryKeys ",
        pairs.toString());
    assertTrue(text.contains("filters: JSONString"), text);
  }
}
