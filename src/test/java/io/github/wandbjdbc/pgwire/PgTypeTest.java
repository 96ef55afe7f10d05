package io.github.wandbjdbc.pgwire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.sql.Types;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PgTypeTest {
  /**
   * Binary forms as PostgreSQL's send functions write them (big-endian; timestamps in µs from
   * 2000).
   */
  static Stream<Arguments> binaryForms() {
    return Stream.of(
        Arguments.of(PgType.INT8, 1L, "0000000000000001"),
        Arguments.of(PgType.INT8, -2L, "fffffffffffffffe"),
        Arguments.of(PgType.FLOAT8, 1.5, "3ff8000000000000"),
        Arguments.of(PgType.FLOAT8, Double.NaN, "7ff8000000000000"),
        Arguments.of(PgType.BOOL, true, "01"),
        Arguments.of(PgType.BOOL, false, "00"),
        Arguments.of(PgType.TIMESTAMP, Instant.parse("2000-01-01T00:00:01Z"), "00000000000f4240"),
        Arguments.of(
            PgType.TIMESTAMP, Instant.parse("1999-12-31T23:59:59.999999Z"), "ffffffffffffffff"),
        Arguments.of(PgType.TEXT, "é", "c3a9"));
  }

  @ParameterizedTest
  @MethodSource("binaryForms")
  void binaryFormsRoundTrip(PgType type, Object value, String hex) throws Exception {
    byte[] bytes = HexFormat.of().parseHex(hex);
    assertArrayEquals(bytes, type.binary(value));
    assertEquals(value, type.decode(bytes, true));
  }

  static Stream<Arguments> textForms() {
    return Stream.of(
        Arguments.of(PgType.INT8, 42L, "42"),
        Arguments.of(PgType.FLOAT8, 1e-5, "1e-05"),
        Arguments.of(PgType.FLOAT8, Double.NEGATIVE_INFINITY, "-Infinity"),
        Arguments.of(PgType.BOOL, true, "t"),
        Arguments.of(
            PgType.TIMESTAMP, Instant.parse("2026-05-12T21:49:19.017Z"), "2026-05-12 21:49:19.017"),
        Arguments.of(PgType.TEXT, "runs", "runs"));
  }

  @ParameterizedTest
  @MethodSource("textForms")
  void textFormsRoundTrip(PgType type, Object value, String text) throws Exception {
    assertEquals(text, new String(type.text(value), StandardCharsets.UTF_8));
    assertEquals(value, type.decode(text.getBytes(StandardCharsets.UTF_8), false));
  }

  @Test
  void aMalformedParameterIs22P02AndAShortBinaryOne22P03() {
    PgProtocolException text =
        assertThrows(
            PgProtocolException.class,
            () -> PgType.INT8.decode("x1".getBytes(StandardCharsets.UTF_8), false));
    assertEquals("22P02", text.sqlState());
    PgProtocolException binary =
        assertThrows(PgProtocolException.class, () -> PgType.INT8.decode(new byte[4], true));
    assertEquals("22P03", binary.sqlState());
  }

  @Test
  void jdbcTypesMapToTheirPostgresTypes() {
    assertEquals(PgType.INT8, PgType.forJdbc(Types.BIGINT));
    assertEquals(PgType.FLOAT8, PgType.forJdbc(Types.DOUBLE));
    assertEquals(PgType.BOOL, PgType.forJdbc(Types.BOOLEAN));
    assertEquals(PgType.TIMESTAMP, PgType.forJdbc(Types.TIMESTAMP));
    assertEquals(PgType.TEXT, PgType.forJdbc(Types.VARCHAR));
    assertEquals(PgType.INT8, PgType.forOid(20));
    assertEquals(null, PgType.forOid(0));
  }

  @Test
  void columnListsNameEachTypeAsPostgresDoes() {
    assertEquals(
        List.of(
            new PgColumn("oid", PgType.OID),
            new PgColumn("Name", PgType.NAME),
            new PgColumn("attnotnull", PgType.BOOL)),
        PgColumn.list("oid oid, Name name, attnotnull bool"));
    assertThrows(IllegalArgumentException.class, () -> PgColumn.list("x integer"));
  }
}
