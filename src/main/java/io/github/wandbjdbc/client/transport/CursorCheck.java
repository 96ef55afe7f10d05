package io.github.wandbjdbc.client.transport;

/**
 * Guards paging loops: when W&B says there is a next page, its cursor must exist and differ from
 * the one just used. Otherwise the next request would repeat the last one forever (the official
 * client does loop), or stopping would silently cut the result short; failing says what happened.
 */
public final class CursorCheck {

  private CursorCheck() {}

  /** The cursor for the next page, after checking that it moves on from {@code previous}. */
  public static String advance(String previous, String next, GraphQlDocument document) {
    if (next == null) {
      throw WandbJson.unexpected(
          document.operationName(), "more pages announced but no cursor to reach them");
    }
    if (next.equals(previous)) {
      throw WandbJson.unexpected(
          document.operationName(),
          "the next page's cursor repeats the previous one (" + next + ")");
    }
    return next;
  }
}
