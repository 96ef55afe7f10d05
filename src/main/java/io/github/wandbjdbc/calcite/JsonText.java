package io.github.wandbjdbc.calcite;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;

/** JSON text for the JSON-valued columns ({@code config}, {@code summary}, {@code tags}, ...). */
public final class JsonText {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder().addDecorator((factory, g) -> new PythonFloats(g)).build())
          .build();

  private JsonText() {}

  /**
   * Finite numbers keep the text W&B's Python SDK logged them in ({@code 1779261067.427}, not
   * Java's {@code 1.779261067427E9}); non-finite ones become the strings "NaN"/"Infinity", so the
   * text is valid JSON; null stays SQL NULL.
   */
  public static String textOrNull(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render a W&B value as JSON", e);
    }
  }

  /**
   * A double as Python's {@code repr} writes it: the shortest digits that read back as the same
   * double, positional for decimal exponents -4 to 15 (with at least one fractional digit),
   * scientific otherwise ({@code 1e-05}, {@code 1.5e+300}).
   */
  public static String pythonRepr(double value) {
    if (value == 0) {
      return 1 / value < 0 ? "-0.0" : "0.0";
    }
    double magnitude = Math.abs(value);
    if (magnitude >= 1e-3 && magnitude < 1e7) {
      // Java writes these positionally too, with the same digits: the common case, made cheap.
      return Double.toString(value);
    }
    BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
    String digits = decimal.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - decimal.scale();
    String sign = value < 0 ? "-" : "";
    if (exponent >= -4 && exponent < 16) {
      String plain = decimal.abs().toPlainString();
      return sign + (plain.indexOf('.') < 0 ? plain + ".0" : plain);
    }
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return String.format(
        "%s%se%s%02d", sign, mantissa, exponent < 0 ? "-" : "+", Math.abs(exponent));
  }

  /** Writes finite doubles in Python's form; everything else as Jackson does. */
  private static final class PythonFloats extends JsonGeneratorDelegate {
    PythonFloats(JsonGenerator generator) {
      super(generator, false);
    }

    @Override
    public void writeNumber(double value) throws IOException {
      if (Double.isFinite(value)) {
        delegate.writeNumber(pythonRepr(value));
      } else {
        delegate.writeNumber(value);
      }
    }
  }
}
