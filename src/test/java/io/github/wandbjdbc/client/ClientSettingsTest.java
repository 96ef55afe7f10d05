package io.github.wandbjdbc.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClientSettingsTest {

  @Test
  void defaultsAndTrailingSlash() {
    ClientSettings settings = ClientSettings.of("https://api.wandb.ai//", TestSettings.API_KEY);

    assertEquals(
        new ClientSettings(
            "https://api.wandb.ai",
            TestSettings.API_KEY,
            Duration.ofSeconds(60),
            8,
            Duration.ofSeconds(1),
            Duration.ofSeconds(30),
            false),
        settings);
  }

  @Test
  void toStringRedactsTheKey() {
    String text = ClientSettings.of("https://api.wandb.ai", TestSettings.API_KEY).toString();

    assertFalse(text.contains(TestSettings.API_KEY), text);
    assertFalse(text.contains(TestSettings.API_KEY.substring(0, 12)), text);
    assertTrue(text.contains("apiKey=(redacted)"), text);
    assertTrue(text.contains("baseUrl=https://api.wandb.ai"), text);
  }

  @Test
  void rejectsMissingOrInconsistentValues() {
    assertThrows(NullPointerException.class, () -> ClientSettings.of(null, "k"));
    assertThrows(NullPointerException.class, () -> ClientSettings.of("https://x", null));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new ClientSettings(
                "https://x", "k", Duration.ofSeconds(1), -1, Duration.ZERO, Duration.ZERO, false));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new ClientSettings(
                "https://x",
                "k",
                Duration.ofSeconds(1),
                1,
                Duration.ofSeconds(2),
                Duration.ofSeconds(1),
                false));
  }

  @Test
  void clientRejectsABaseUrlThatIsNotHttp() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new WandbClient(ClientSettings.of("api.wandb.ai", TestSettings.API_KEY)));

    assertTrue(e.getMessage().contains("https://api.wandb.ai"), e.getMessage());
  }
}
