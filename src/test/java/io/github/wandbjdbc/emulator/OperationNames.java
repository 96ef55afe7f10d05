package io.github.wandbjdbc.emulator;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import java.util.ArrayList;
import java.util.List;

/** Names a request for the counters: what a person reading the traffic would call it. */
final class OperationNames {
  static final String INVALID = "<invalid>";

  private OperationNames() {}

  /**
   * The name of the operation the request selects: the document's operation name (the request's
   * {@code operationName} picks one when several exist), or the root field names joined by "," for
   * an unnamed operation.
   */
  static String of(String query, String requestedName) {
    if (query == null) {
      return INVALID;
    }
    Document document;
    try {
      document = Parser.parse(query);
    } catch (InvalidSyntaxException e) {
      return INVALID;
    }
    List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
    if (requestedName != null && !requestedName.isEmpty()) {
      return requestedName;
    }
    if (operations.size() != 1) {
      return INVALID;
    }
    OperationDefinition operation = operations.get(0);
    if (operation.getName() != null && !operation.getName().isEmpty()) {
      return operation.getName();
    }
    List<String> fields = new ArrayList<>();
    for (Selection<?> selection : operation.getSelectionSet().getSelections()) {
      if (selection instanceof Field field) {
        fields.add(field.getName());
      }
    }
    return fields.isEmpty() ? INVALID : String.join(",", fields);
  }
}
