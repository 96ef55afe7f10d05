package io.github.wandbjdbc.mcp;

import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;

/**
 * The MCP server's default request budget: {@code maxRequests=200} is added to the JDBC URL unless
 * the URL sets {@code maxRequests} itself, so one statement an agent writes cannot send thousands
 * of W&B requests. Added only when the driver lists the property (getPropertyInfo): a driver
 * without it would refuse the URL.
 */
final class RequestBudget {
  static final int DEFAULT_MAX_REQUESTS = 200;
  private static final String KEY = "maxRequests";

  private RequestBudget() {}

  static String withDefault(String url) throws SQLException {
    if (setsBudget(url) || !driverKnowsBudget(url)) {
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

  private static boolean driverKnowsBudget(String url) throws SQLException {
    for (DriverPropertyInfo info :
        DriverManager.getDriver(url).getPropertyInfo(url, new Properties())) {
      if (info.name.equalsIgnoreCase(KEY)) {
        return true;
      }
    }
    return false;
  }
}
