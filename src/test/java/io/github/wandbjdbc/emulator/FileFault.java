package io.github.wandbjdbc.emulator;

/**
 * A scripted misbehaviour for one request to the file storage server (see {@link FileFaultPlan}).
 */
public sealed interface FileFault {

  /** Answers with this status and cloud storage's XML error body, e.g. 500 or 503. */
  static FileFault status(int code) {
    return new Status(code);
  }

  /**
   * Sends the headers promising the full length and half of the body, then closes the connection. A
   * HEAD has no body, so it is answered normally.
   */
  static FileFault truncated() {
    return new Truncated();
  }

  /** Answers 403 as for an expired URL, whatever the URL's expiry says. */
  static FileFault expiredUrl() {
    return new ExpiredUrl();
  }

  record Status(int code) implements FileFault {
    public Status {
      if (code < 100 || code > 599) {
        throw new IllegalArgumentException("not an HTTP status: " + code);
      }
    }
  }

  record Truncated() implements FileFault {}

  record ExpiredUrl() implements FileFault {}
}
