package io.github.wandbjdbc.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The password of a netrc file's entry for one host: the first {@code machine <host>} entry, else
 * the {@code default} entry. Understands {@code login}, {@code password}, {@code account}, {@code
 * macdef} (whose body runs to the next blank line) and {@code #} comment lines.
 */
final class Netrc {

  private Netrc() {}

  static Optional<String> password(String content, String host) {
    String machinePassword = null;
    String defaultPassword = null;
    boolean found = false;
    List<String> tokens = tokens(content);
    String entry = null;
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      switch (token) {
        case "machine" -> entry = i + 1 < tokens.size() ? tokens.get(++i) : null;
        case "default" -> entry = "default";
        case "login", "account" -> i++;
        case "password" -> {
          String password = i + 1 < tokens.size() ? tokens.get(++i) : null;
          if (host.equalsIgnoreCase(entry) && !found) {
            machinePassword = password;
            found = true;
          } else if ("default".equals(entry) && defaultPassword == null) {
            defaultPassword = password;
          }
        }
        default -> {}
      }
    }
    return Optional.ofNullable(found ? machinePassword : defaultPassword);
  }

  /** Whitespace-separated tokens, without comment lines and macro bodies. */
  private static List<String> tokens(String content) {
    List<String> tokens = new ArrayList<>();
    boolean inMacro = false;
    for (String line : content.split("\\R", -1)) {
      if (inMacro) {
        inMacro = !line.isBlank();
        continue;
      }
      if (line.strip().startsWith("#")) {
        continue;
      }
      String[] words = line.strip().split("\\s+");
      for (int i = 0; i < words.length; i++) {
        if (words[i].isEmpty()) {
          continue;
        }
        if (words[i].equals("macdef")) {
          // The macro's name ends the line; its body is the lines that follow.
          inMacro = true;
          break;
        }
        tokens.add(words[i]);
      }
    }
    return tokens;
  }
}
