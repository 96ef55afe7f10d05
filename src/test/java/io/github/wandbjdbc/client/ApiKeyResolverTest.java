package io.github.wandbjdbc.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeyResolverTest {

  private static final String SAAS = "https://api.wandb.ai";

  @TempDir Path home;

  private static Optional<String> key(
      String explicit, String baseUrl, Map<String, String> env, Path home) {
    return ApiKeyResolver.resolve(explicit, baseUrl, env, home);
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(home.resolve(name), content);
  }

  @Test
  void explicitKeyWinsOverEverything() throws IOException {
    write(".netrc", "machine api.wandb.ai login user password from-netrc\n");

    assertEquals(
        Optional.of("explicit"), key("explicit", SAAS, Map.of("WANDB_API_KEY", "from-env"), home));
  }

  @Test
  void environmentWinsOverNetrc() throws IOException {
    write(".netrc", "machine api.wandb.ai login user password from-netrc\n");

    Map<String, String> env = Map.of("WANDB_API_KEY", "from-env");
    assertEquals(Optional.of("from-env"), key(null, SAAS, env, home));
    assertEquals(Optional.of("from-env"), key("  ", SAAS, env, home));
  }

  @Test
  void netrcVariableWinsOverHomeFiles() throws IOException {
    write(".netrc", "machine api.wandb.ai password from-home\n");
    Path custom = write("custom-netrc", "machine api.wandb.ai password from-NETRC\n");

    assertEquals(
        Optional.of("from-NETRC"), key(null, SAAS, Map.of("NETRC", custom.toString()), home));
  }

  @Test
  void dotNetrcWinsOverUnderscoreNetrc() throws IOException {
    write("_netrc", "machine api.wandb.ai password from-underscore\n");
    assertEquals(Optional.of("from-underscore"), key(null, SAAS, Map.of(), home));

    write(".netrc", "machine api.wandb.ai password from-dot\n");
    assertEquals(Optional.of("from-dot"), key(null, SAAS, Map.of(), home));
  }

  @Test
  void entryIsChosenByTheHostOfTheBaseUrlWithoutPort() throws IOException {
    write(
        ".netrc",
        """
        machine api.wandb.ai
          login user
          password saas-key
        machine localhost login user password local-key
        machine wandb.example.com password dedicated-key
        """);

    assertEquals(Optional.of("saas-key"), key(null, SAAS + "/", Map.of(), home));
    assertEquals(Optional.of("local-key"), key(null, "http://localhost:8080", Map.of(), home));
    assertEquals(
        Optional.of("dedicated-key"), key(null, "https://wandb.example.com", Map.of(), home));
    assertEquals(Optional.empty(), key(null, "https://other.example.com", Map.of(), home));
  }

  @Test
  void defaultEntryAppliesOnlyWhenNoMachineMatches() throws IOException {
    write(
        ".netrc",
        """
        machine api.wandb.ai login user password saas-key
        default login anonymous password fallback-key
        """);

    assertEquals(Optional.of("saas-key"), key(null, SAAS, Map.of(), home));
    assertEquals(Optional.of("fallback-key"), key(null, "https://elsewhere.io", Map.of(), home));
  }

  @Test
  void skipsMacrosCommentsAndAccounts() throws IOException {
    write(
        ".netrc",
        """
        # machine api.wandb.ai password commented-out
        macdef init
        machine api.wandb.ai password inside-macro

        machine api.wandb.ai account team login user password real-key
        """);

    assertEquals(Optional.of("real-key"), key(null, SAAS, Map.of(), home));
  }

  @Test
  void nothingFoundIsEmpty() {
    assertEquals(Optional.empty(), key(null, SAAS, Map.of(), home));
    assertEquals(
        Optional.empty(),
        key(
            null,
            SAAS,
            Map.of("NETRC", home.resolve("x").toString()),
            home.resolve("missing-home")));
  }
}
