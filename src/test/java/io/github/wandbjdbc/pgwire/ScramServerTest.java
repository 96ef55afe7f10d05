package io.github.wandbjdbc.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** RFC 7677 section 3's SCRAM-SHA-256 exchange: user "user", password "pencil". */
class ScramServerTest {
  private static final String CLIENT_FIRST = "n,,n=user,r=rOprNGfwEbeRWgbNEkqO";
  private static final String SERVER_NONCE = "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
  private static final byte[] SALT = Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ==");
  private static final String CLIENT_FINAL =
      "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
          + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";

  private static ScramServer server(String password) {
    return new ScramServer(password.toCharArray(), SALT, SERVER_NONCE, 4096);
  }

  @Test
  void theRfcExchangeGivesTheRfcServerSignature() throws Exception {
    ScramServer scram = server("pencil");
    assertEquals(
        "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
        scram.serverFirst(CLIENT_FIRST));
    assertEquals("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=", scram.serverFinal(CLIENT_FINAL));
  }

  @Test
  void anotherPasswordFailsWith28P01() throws Exception {
    ScramServer scram = server("pencils");
    scram.serverFirst(CLIENT_FIRST);
    assertEquals(
        "28P01",
        assertThrows(PgProtocolException.class, () -> scram.serverFinal(CLIENT_FINAL)).sqlState());
  }

  @Test
  void aChangedNonceOrChannelBindingIsRefused() throws Exception {
    ScramServer scram = server("pencil");
    scram.serverFirst(CLIENT_FIRST);
    assertThrows(
        PgProtocolException.class, () -> scram.serverFinal(CLIENT_FINAL.replace("k0,", "k1,")));
    assertThrows(
        PgProtocolException.class,
        () -> server("pencil").serverFirst("p=tls-server-end-point,,n=,r=abc"));
  }
}
