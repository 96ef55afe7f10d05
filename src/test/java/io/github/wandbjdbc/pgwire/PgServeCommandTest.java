package io.github.wandbjdbc.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --serve-pg}'s options: where it may listen while passwords are W&B keys. */
class PgServeCommandTest {
  private static PgServeCommand.Options parse(String... args) {
    List<String> all = new ArrayList<>(List.of("--serve-pg", "--url", "jdbc:wandb:entity=e"));
    all.addAll(List.of(args));
    return PgServeCommand.parse(all);
  }

  @Test
  void keysInCleartextOffLoopbackAreRefusedSayingWhyAndWhatToDo() {
    String message =
        assertThrows(IllegalArgumentException.class, () -> parse("--bind", "0.0.0.0")).getMessage();
    assertTrue(message.contains("keys would cross the network in clear text"), message);
    assertTrue(message.contains("--tls-cert FILE --tls-key FILE"), message);
    assertTrue(message.contains("--pg-password-env VAR"), message);
    assertTrue(message.contains("--allow-cleartext-keys"), message);
  }

  @Test
  void loopbackTlsASharedPasswordOrTheFlagLetItListen() {
    assertEquals("127.0.0.1", parse().bind().getHostAddress());
    assertTrue(parse("--bind", "::1").bind().isLoopbackAddress());
    assertEquals(
        "0.0.0.0", parse("--bind", "0.0.0.0", "--allow-cleartext-keys").bind().getHostAddress());
    assertEquals(
        "0.0.0.0",
        parse("--bind", "0.0.0.0", "--tls-cert", "cert.pem", "--tls-key", "key.pem")
            .bind()
            .getHostAddress());
    // any variable that is set will do as the shared password's
    assertEquals(
        "0.0.0.0", parse("--bind", "0.0.0.0", "--pg-password-env", "PATH").bind().getHostAddress());
  }
}
