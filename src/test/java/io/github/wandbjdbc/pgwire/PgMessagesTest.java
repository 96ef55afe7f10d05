package io.github.wandbjdbc.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Backend messages byte for byte, and frontend packets the reader accepts or refuses. */
class PgMessagesTest {
  private static String written(Consumer<PgBackend> write) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PgBackend backend = new PgBackend(new PgOutput(bytes));
    write.accept(backend);
    backend.flush();
    return HexFormat.of().formatHex(bytes.toByteArray());
  }

  static Stream<Arguments> backendMessages() {
    return Stream.of(
        Arguments.of(
            "ReadyForQuery idle", (Consumer<PgBackend>) b -> b.readyForQuery('I'), "5a0000000549"),
        Arguments.of(
            "CommandComplete",
            (Consumer<PgBackend>) b -> b.commandComplete("SELECT 1"),
            "430000000d53454c4543542031" + "00"),
        Arguments.of(
            "AuthenticationOk",
            (Consumer<PgBackend>) b -> b.authentication(PgBackend.AUTH_OK, new byte[0]),
            "520000000800000000"),
        Arguments.of(
            "AuthenticationSASL",
            (Consumer<PgBackend>) b -> b.saslMechanisms(List.of("SCRAM-SHA-256")),
            "52000000170000000a" + "534352414d2d5348412d32353600" + "00"),
        Arguments.of(
            "DataRow with a NULL",
            (Consumer<PgBackend>) b -> b.dataRow(new byte[][] {{'a'}, null}),
            "440000000f0002" + "0000000161" + "ffffffff"),
        Arguments.of(
            "RowDescription of one int8 column in binary",
            (Consumer<PgBackend>)
                b -> b.rowDescription(List.of(new PgColumn("n", PgType.INT8)), List.of(true)),
            "540000001a0001"
                + "6e00"
                + "00000000"
                + "0000"
                + "00000014"
                + "0008"
                + "ffffffff"
                + "0001"),
        Arguments.of(
            "ErrorResponse",
            (Consumer<PgBackend>) b -> b.error(PgError.error("42000", "bad")),
            "450000001f"
                + "534552524f5200"
                + "564552524f5200"
                + "433432303030"
                + "00"
                + "4d62616400"
                + "00"),
        Arguments.of(
            "ParameterStatus",
            (Consumer<PgBackend>) b -> b.parameterStatus(Map.of("a", "b")),
            "53000000086100" + "6200"),
        Arguments.of("PortalSuspended", (Consumer<PgBackend>) b -> b.empty('s'), "7300000004"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backendMessages")
  void backendMessagesAreWrittenAsTheProtocolDefinesThem(
      String name, Consumer<PgBackend> write, String hex) throws Exception {
    assertEquals(hex, written(write));
  }

  private static PgInput input(String hex) {
    return new PgInput(new ByteArrayInputStream(HexFormat.of().parseHex(hex)));
  }

  @Test
  void aStartupMessageCarriesItsVersionAndParameters() throws Exception {
    // length 33, protocol 3.0, user=wandb, database=acme
    StartupPacket startup =
        input(
                "00000021"
                    + "00030000"
                    + "7573657200"
                    + "77616e646200"
                    + "646174616261736500"
                    + "61636d6500"
                    + "00")
            .readStartup();
    assertEquals(3, startup.majorVersion());
    assertEquals(0, startup.minorVersion());
    assertEquals(Map.of("user", "wandb", "database", "acme"), startup.parameters());
  }

  @Test
  void sslAndCancelRequestsAreToldApart() throws Exception {
    assertEquals(StartupPacket.SSL_REQUEST, input("00000008" + "04d2162f").readStartup().code());
    StartupPacket cancel = input("00000010" + "04d2162e" + "000003e9" + "0000002a").readStartup();
    assertEquals(StartupPacket.CANCEL_REQUEST, cancel.code());
    assertEquals(1001, cancel.processId());
    assertEquals(42, cancel.secretKey());
  }

  static Stream<Arguments> refusedPackets() {
    return Stream.of(
        Arguments.of("startup length 4", "00000004", true, "08P01"),
        Arguments.of("startup length over 10000", "00002711", true, "08P01"),
        Arguments.of("message length 3", "5100000003", false, "08P01"),
        Arguments.of("message over 64 MiB", "5104000005", false, "54000"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedPackets")
  void badLengthsAreRefusedWithTheirSqlState(
      String name, String hex, boolean startup, String state) {
    PgInput in = input(hex);
    PgProtocolException e =
        assertThrows(
            PgProtocolException.class,
            () -> {
              if (startup) {
                in.readStartup();
              } else {
                in.read();
              }
            });
    assertEquals(state, e.sqlState());
  }

  @Test
  void theEndOfTheStreamIsNullNotAnError() throws Exception {
    assertNull(input("").readStartup());
    assertNull(input("").read());
    FrontendMessage query = input("510000000953454c4543").read();
    assertEquals('Q', query.type());
    assertEquals("SELEC", new String(query.body(), java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void aStringWithoutItsTerminatorIsMalformed() {
    assertEquals(
        "08P01",
        assertThrows(PgProtocolException.class, () -> new PgBuffer(new byte[] {'a', 'b'}).cstring())
            .sqlState());
  }
}
