package io.github.wandbjdbc.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** W&B's custom scalars: {@code JSONString}, {@code JSON}, {@code Int64} and {@code DateTime}. */
final class EmulatorScalars {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** W&B's fixtures show UTC timestamps without an offset, e.g. {@code 2023-11-05T17:46:35}. */
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  private EmulatorScalars() {}

  /**
   * Output: JSON text in a string. Input: kept as given (text, or a decoded value as a {@link
   * JsonNode}) so that resolvers report malformed text as an error on their own field.
   */
  static final GraphQLScalarType JSON_STRING =
      GraphQLScalarType.newScalar()
          .name("JSONString")
          .description("JSON text carried in a string")
          .coercing(
              new Coercing<Object, String>() {
                @Override
                public String serialize(Object value, GraphQLContext context, Locale locale) {
                  if (value instanceof String text) {
                    return text;
                  }
                  if (value instanceof JsonNode node) {
                    return JsonText.write(node);
                  }
                  throw new CoercingSerializeException("not a JSON value: " + value.getClass());
                }

                @Override
                public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                  return input instanceof String ? input : JsonText.ENVELOPE.valueToTree(input);
                }

                @Override
                public Object parseLiteral(
                    Value<?> input,
                    CoercedVariables variables,
                    GraphQLContext context,
                    Locale locale) {
                  return input instanceof StringValue text
                      ? text.getValue()
                      : toJson(input, variables);
                }
              })
          .build();

  /** A JSON value carried as is. */
  static final GraphQLScalarType JSON =
      GraphQLScalarType.newScalar()
          .name("JSON")
          .description("a JSON value")
          .coercing(
              new Coercing<JsonNode, JsonNode>() {
                @Override
                public JsonNode serialize(Object value, GraphQLContext context, Locale locale) {
                  return JsonText.ENVELOPE.valueToTree(value);
                }

                @Override
                public JsonNode parseValue(Object input, GraphQLContext context, Locale locale) {
                  return JsonText.ENVELOPE.valueToTree(input);
                }

                @Override
                public JsonNode parseLiteral(
                    Value<?> input,
                    CoercedVariables variables,
                    GraphQLContext context,
                    Locale locale) {
                  return toJson(input, variables);
                }
              })
          .build();

  static final GraphQLScalarType INT64 =
      GraphQLScalarType.newScalar()
          .name("Int64")
          .description("a 64-bit integer carried as a JSON number")
          .coercing(
              new Coercing<Long, Long>() {
                @Override
                public Long serialize(Object value, GraphQLContext context, Locale locale) {
                  if (value instanceof Number number) {
                    return number.longValue();
                  }
                  throw new CoercingSerializeException("not an Int64: " + value);
                }

                @Override
                public Long parseValue(Object input, GraphQLContext context, Locale locale) {
                  if (input instanceof Number number
                      && number.doubleValue() == Math.rint(number.doubleValue())) {
                    return number.longValue();
                  }
                  throw new CoercingParseValueException("not an Int64: " + input);
                }

                @Override
                public Long parseLiteral(
                    Value<?> input,
                    CoercedVariables variables,
                    GraphQLContext context,
                    Locale locale) {
                  if (input instanceof IntValue number) {
                    return number.getValue().longValueExact();
                  }
                  throw new CoercingParseLiteralException("not an Int64 literal: " + input);
                }
              })
          .build();

  static final GraphQLScalarType DATE_TIME_SCALAR =
      GraphQLScalarType.newScalar()
          .name("DateTime")
          .description("UTC time as yyyy-MM-ddTHH:mm:ss")
          .coercing(
              new Coercing<Instant, String>() {
                @Override
                public String serialize(Object value, GraphQLContext context, Locale locale) {
                  if (value instanceof Instant instant) {
                    return DATE_TIME.format(instant);
                  }
                  throw new CoercingSerializeException("not a DateTime: " + value);
                }

                @Override
                public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
                  return parseDateTime(String.valueOf(input));
                }

                @Override
                public Instant parseLiteral(
                    Value<?> input,
                    CoercedVariables variables,
                    GraphQLContext context,
                    Locale locale) {
                  if (input instanceof StringValue text) {
                    return parseDateTime(text.getValue());
                  }
                  throw new CoercingParseLiteralException("not a DateTime literal: " + input);
                }
              })
          .build();

  private static Instant parseDateTime(String text) {
    try {
      String local = text.endsWith("Z") ? text.substring(0, text.length() - 1) : text;
      return LocalDateTime.parse(local).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new CoercingParseValueException("not a DateTime: " + text);
    }
  }

  private static JsonNode toJson(Value<?> value, CoercedVariables variables) {
    if (value instanceof VariableReference ref) {
      return JsonText.ENVELOPE.valueToTree(variables.get(ref.getName()));
    }
    if (value instanceof StringValue v) {
      return NODES.textNode(v.getValue());
    }
    if (value instanceof IntValue v) {
      BigInteger number = v.getValue();
      return NODES.numberNode(number);
    }
    if (value instanceof FloatValue v) {
      return NODES.numberNode(v.getValue());
    }
    if (value instanceof BooleanValue v) {
      return NODES.booleanNode(v.isValue());
    }
    if (value instanceof EnumValue v) {
      return NODES.textNode(v.getName());
    }
    if (value instanceof ArrayValue v) {
      ArrayNode array = NODES.arrayNode();
      v.getValues().forEach(item -> array.add(toJson(item, variables)));
      return array;
    }
    if (value instanceof ObjectValue v) {
      ObjectNode object = NODES.objectNode();
      for (ObjectField field : v.getObjectFields()) {
        object.set(field.getName(), toJson(field.getValue(), variables));
      }
      return object;
    }
    return NODES.nullNode();
  }
}
