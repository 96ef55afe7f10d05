package io.github.wandbjdbc.emulator;

import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/** The GraphQL engine: {@code schema.graphqls} bound to one dataset. */
final class EmulatorSchema {
  private static final String RESOURCE = "schema.graphqls";

  private EmulatorSchema() {}

  static GraphQL engine(EmulatedDataset dataset, EmulatorConfig config, ExportCatalog exports) {
    GraphQLSchema schema =
        new SchemaGenerator()
            .makeExecutableSchema(
                new SchemaParser().parse(schemaText()),
                new SchemaWiring(dataset, config, exports).build());
    return GraphQL.newGraphQL(schema).defaultDataFetcherExceptionHandler(new FieldErrors()).build();
  }

  private static String schemaText() {
    try (InputStream in = EmulatorSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reports a failing field the way W&B does: an error with the field's path and location, and null
   * for that field only. Bad arguments (IllegalArgumentException) keep their own message.
   */
  private static final class FieldErrors implements DataFetcherExceptionHandler {
    @Override
    public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(
        DataFetcherExceptionHandlerParameters parameters) {
      Throwable exception = parameters.getException();
      String message =
          exception instanceof IllegalArgumentException
              ? exception.getMessage()
              : "internal error: " + exception;
      GraphQLError error =
          GraphqlErrorBuilder.newError(parameters.getDataFetchingEnvironment())
              .message(message)
              .build();
      return CompletableFuture.completedFuture(
          DataFetcherExceptionHandlerResult.newResult(error).build());
    }
  }
}
