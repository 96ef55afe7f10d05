package io.github.wandbjdbc.cli;

import static io.github.wandbjdbc.jdbc.ConnectionConfig.URL_PREFIX;

import io.github.wandbjdbc.jdbc.WandbConnectionProperty;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Properties;
import java.util.StringJoiner;

/**
 * A {@code jdbc:wandb:} URL with the API key lifted out into a property of its own: sqlline shows
 * the URL in its prompt and messages, and {@code DriverManager} repeats it in errors, so the key
 * must not travel inside it.
 *
 * @param apiKey the key from the URL, or empty when the driver is to find it (env, netrc)
 */
record Login(String url, String apiKey) {
  static Login of(String url) throws SQLException {
    if (!url.regionMatches(true, 0, URL_PREFIX, 0, URL_PREFIX.length())) {
      throw new SQLNonTransientConnectionException(
          "The URL must start with " + URL_PREFIX, "08001");
    }
    StringJoiner kept = new StringJoiner(";", URL_PREFIX, "");
    String apiKey = "";
    for (String segment : url.substring(URL_PREFIX.length()).split(";")) {
      int eq = segment.indexOf('=');
      if (eq > 0 && isSecret(segment.substring(0, eq).trim())) {
        apiKey = segment.substring(eq + 1).trim();
        kept.add(""); // an empty segment keeps the driver's "URL segment N" counting right
      } else {
        kept.add(segment);
      }
    }
    return new Login(kept.toString(), apiKey);
  }

  Properties properties() {
    Properties properties = new Properties();
    if (!apiKey.isEmpty()) {
      properties.setProperty(WandbConnectionProperty.API_KEY.key(), apiKey);
    }
    return properties;
  }

  private static boolean isSecret(String key) {
    return WandbConnectionProperty.forKey(key).map(WandbConnectionProperty::secret).orElse(false);
  }
}
