package io.github.wandbjdbc.emulator;

import java.time.Duration;
import java.util.Objects;

/** A scripted misbehaviour for one {@code /graphql} request (see {@link FaultPlan}). */
public sealed interface Fault {

  /** Answers with this HTTP status and W&B's body for it; {@code Retry-After} when given. */
  static Fault status(int code) {
    return new Status(code, null);
  }

  static Fault status(int code, Duration retryAfter) {
    return new Status(code, Objects.requireNonNull(retryAfter, "retryAfter is null"));
  }

  /** HTTP 200 whose body holds {@code errors} with this message and null data. */
  static Fault graphqlError(String message) {
    return new GraphqlError(message);
  }

  /** Sends the headers and part of the body, then closes the connection. */
  static Fault dropConnection() {
    return new DropConnection();
  }

  /** Waits, then answers normally. */
  static Fault delay(Duration d) {
    return new Delay(d);
  }

  /**
   * Answers with this status and body, as given (e.g. {@code {"data":{"project":null}}}, what W&B
   * sends for a project deleted meanwhile).
   */
  static Fault body(int status, String body) {
    return new Body(status, body);
  }

  /**
   * Answers normally, with the headers W&B sends when the rate-limit window is used up: {@code
   * RateLimit-Remaining: 0} and {@code RateLimit-Reset} (whole seconds).
   */
  static Fault windowUsedUp(Duration reset) {
    return new WindowUsedUp(reset);
  }

  /** HTTP 200 with a JSON content type and a body that is not JSON. */
  static Fault malformedJson() {
    return new MalformedJson();
  }

  record Status(int code, Duration retryAfter) implements Fault {
    public Status {
      if (code < 100 || code > 599) {
        throw new IllegalArgumentException("not an HTTP status: " + code);
      }
      if (retryAfter != null && retryAfter.isNegative()) {
        throw new IllegalArgumentException("retryAfter must not be negative: " + retryAfter);
      }
    }
  }

  record GraphqlError(String message) implements Fault {
    public GraphqlError {
      Objects.requireNonNull(message, "message is null");
    }
  }

  record DropConnection() implements Fault {}

  record Delay(Duration duration) implements Fault {
    public Delay {
      Objects.requireNonNull(duration, "duration is null");
      if (duration.isNegative()) {
        throw new IllegalArgumentException("duration must not be negative: " + duration);
      }
    }
  }

  record MalformedJson() implements Fault {}

  record WindowUsedUp(Duration reset) implements Fault {
    public WindowUsedUp {
      Objects.requireNonNull(reset, "reset is null");
      if (reset.isNegative()) {
        throw new IllegalArgumentException("reset must not be negative: " + reset);
      }
    }
  }

  record Body(int status, String body) implements Fault {
    public Body {
      if (status < 100 || status > 599) {
        throw new IllegalArgumentException("not an HTTP status: " + status);
      }
      Objects.requireNonNull(body, "body is null");
    }
  }
}
