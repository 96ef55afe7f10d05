package io.github.wandbjdbc.mcp;

import java.util.Locale;

/**
 * The MCP server's default request budget: {@code maxRequests=200} is added to the JDBC URL unless
 * the URL sets {@code maxRequests} itself, so one statement an agent writes cannot send thousands
 * of W&B requests.
 */
final class DefaultBudget {
  static final int DEFAULT_MAX_REQUESTS = 200;
  private static final String KEY = "maxRequests";

  private DefaultBudget() {}

  static String withDefault(String url) {
    if (setsBudget(url)) {
      return url;
    }
    return url
        + (url.endsWith(":") || url.endsWith(";") ? "" : ";")
        + KEY
        + "="
        + DEFAULT_MAX_REQUESTS;
  }

  private static boolean setsBudget(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    String key = KEY.toLowerCase(Locale.ROOT);
    return lower.matches("(?s).*[:;]\\s*" + key + "\\s*=.*");
  }
}
