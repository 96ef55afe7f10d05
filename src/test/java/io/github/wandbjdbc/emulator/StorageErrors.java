package io.github.wandbjdbc.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Cloud storage's XML error answers (S3's shape: {@code <Error><Code>…<Message>…}). */
final class StorageErrors {
  private StorageErrors() {}

  static HttpAnswer forStatus(int status) {
    return switch (status) {
      case 403 -> xml(403, "AccessDenied", "Query-string authentication requires a signature.");
      case 404 -> xml(404, "NoSuchKey", "The specified key does not exist.");
      case 405 -> xml(405, "MethodNotAllowed", "The method is not allowed on this resource.");
      case 416 -> xml(416, "InvalidRange", "The requested range is not satisfiable");
      case 500 -> xml(500, "InternalError", "We encountered an internal error. Please try again.");
      case 503 -> xml(503, "SlowDown", "Please reduce your request rate.");
      default -> xml(status, "EmulatedError", "emulated HTTP " + status);
    };
  }

  static HttpAnswer expired() {
    return xml(403, "AccessDenied", "Request has expired");
  }

  static HttpAnswer signatureMismatch() {
    return xml(
        403,
        "SignatureDoesNotMatch",
        "The request signature we calculated does not match the signature you provided.");
  }

  private static HttpAnswer xml(int status, String code, String message) {
    String body =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>"
            + code
            + "</Code><Message>"
            + message
            + "</Message></Error>";
    return new HttpAnswer(
        status,
        Map.of("Content-Type", "application/xml"),
        body.getBytes(StandardCharsets.UTF_8),
        false);
  }
}
