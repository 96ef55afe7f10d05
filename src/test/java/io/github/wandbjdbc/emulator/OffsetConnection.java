package io.github.wandbjdbc.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * A Relay connection page over a sorted list with W&B's offset cursors: {@code
 * base64("arrayconnection:<i>")}, i being the item's 0-based index in the whole list. Because
 * cursors are offsets, runs inserted or deleted mid-scan shift later pages, as on W&B.
 */
record OffsetConnection<T>(List<Edge<T>> edges, PageInfo pageInfo, int totalCount) {
  static final int DEFAULT_PAGE_SIZE = 50;
  private static final String PREFIX = "arrayconnection:";

  OffsetConnection {
    edges = List.copyOf(edges);
    Objects.requireNonNull(pageInfo, "pageInfo is null");
  }

  record Edge<T>(T node, String cursor) {
    Edge {
      Objects.requireNonNull(node, "node is null");
      Objects.requireNonNull(cursor, "cursor is null");
    }
  }

  record PageInfo(
      String startCursor, String endCursor, boolean hasNextPage, boolean hasPreviousPage) {}

  /**
   * @param first page size; null means the default of 50
   * @param after cursor of the last item already seen, or null for the first page
   */
  static <T> OffsetConnection<T> page(List<T> all, Integer first, String after) {
    int size = first == null ? DEFAULT_PAGE_SIZE : first;
    if (size < 0) {
      throw new IllegalArgumentException("first must not be negative: " + size);
    }
    int start = after == null ? 0 : (int) Math.min(all.size(), decode(after) + 1L);
    int end = (int) Math.min(all.size(), (long) start + size);
    List<Edge<T>> edges = new ArrayList<>();
    for (int i = start; i < end; i++) {
      edges.add(new Edge<>(all.get(i), encode(i)));
    }
    PageInfo info =
        new PageInfo(
            edges.isEmpty() ? null : edges.get(0).cursor(),
            edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor(),
            end < all.size(),
            start > 0);
    return new OffsetConnection<>(edges, info, all.size());
  }

  static String encode(int index) {
    return Base64.getEncoder().encodeToString((PREFIX + index).getBytes(StandardCharsets.UTF_8));
  }

  static int decode(String cursor) {
    try {
      String text = new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (text.startsWith(PREFIX)) {
        int index = Integer.parseInt(text.substring(PREFIX.length()));
        if (index >= 0) {
          return index;
        }
      }
    } catch (IllegalArgumentException e) {
      // falls through to the common message below (NumberFormatException included)
    }
    throw new IllegalArgumentException("invalid cursor: " + cursor);
  }
}
