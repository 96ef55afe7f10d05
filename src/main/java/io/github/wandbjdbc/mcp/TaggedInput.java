package io.github.wandbjdbc.mcp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Standard input for the stdio transport, line by line through {@link CallTags}; at its end (the
 * agent closed the pipe or quit) runs {@code onEnd}, which cancels the session's calls.
 */
final class TaggedInput extends InputStream {
  static final String CHANNEL = "stdio";

  private final BufferedReader lines;
  private final CallTags tags;
  private final Runnable onEnd;
  private byte[] pending = new byte[0];
  private int next;
  private boolean ended;

  TaggedInput(InputStream in, CallTags tags, Runnable onEnd) {
    this.lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    this.tags = tags;
    this.onEnd = onEnd;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    while (next >= pending.length) {
      if (ended) {
        return -1;
      }
      String line = lines.readLine();
      if (line == null) {
        ended = true;
        onEnd.run();
        return -1;
      }
      pending = (tags.read(CHANNEL, line) + "\n").getBytes(StandardCharsets.UTF_8);
      next = 0;
    }
    int count = Math.min(length, pending.length - next);
    System.arraycopy(pending, next, buffer, offset, count);
    next += count;
    return count;
  }
}
