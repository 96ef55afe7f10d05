package io.github.wandbjdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.lang.reflect.Constructor;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Properties;
import java.util.TimeZone;
import java.util.stream.Collectors;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.jdbc.CalciteMetaColumnFactory;
import org.apache.calcite.jdbc.CalciteMetaImpl;
import org.apache.calcite.jdbc.CalciteMetaTableFactory;
import org.apache.calcite.jdbc.CalcitePackageAccess;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalciteResultSet;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.CalciteStatement;
import org.apache.calcite.jdbc.Driver;
import org.junit.jupiter.api.Test;

/**
 * {@link CalcitePackageAccess} and {@link WandbMeta} lean on Calcite members that are not public
 * API. A Calcite upgrade that changes one fails here naming the member, rather than as a linkage
 * error at connect time; a real connection shows the bases are the ones in use.
 */
class CalcitePackageAccessTest {
  private static final String CALCITE_JDBC = "org.apache.calcite.jdbc.";

  @Test
  void theCalciteMembersTheBasesNeedAreStillThere() {
    Class<?> connection = calciteClass("CalciteConnectionImpl");
    assertReachableFromItsPackage(
        constructor(
            connection,
            Driver.class,
            AvaticaFactory.class,
            String.class,
            Properties.class,
            CalciteSchema.class,
            JavaTypeFactory.class));

    assertReachableFromItsPackage(
        constructor(
            calciteClass("CalcitePreparedStatement"),
            connection,
            Meta.StatementHandle.class,
            Meta.Signature.class,
            int.class,
            int.class,
            int.class));

    Method prepare =
        method(connection, "prepareStatement", String.class, int.class, int.class, int.class);
    assertEquals(
        calciteClass("CalcitePreparedStatement"),
        prepare.getReturnType(),
        "CalciteConnectionImpl.prepareStatement(String, int, int, int) changed its return type; "
            + "CalcitePackageAccess.ConnectionBase overrides it");
    assertFalse(
        Modifier.isFinal(prepare.getModifiers()),
        "CalciteConnectionImpl.prepareStatement(String, int, int, int) became final; "
            + "CalcitePackageAccess.ConnectionBase overrides it");

    assertReachableFromItsPackage(
        constructor(
            CalciteStatement.class,
            connection,
            Meta.StatementHandle.class,
            int.class,
            int.class,
            int.class));

    assertReachableFromItsPackage(
        constructor(
            CalciteResultSet.class,
            AvaticaStatement.class,
            CalcitePrepare.CalciteSignature.class,
            ResultSetMetaData.class,
            TimeZone.class,
            Meta.Frame.class));
  }

  /** WandbMeta calls it from our package, passing our connection as the first argument. */
  @Test
  void calciteMetaImplStillHasItsProtectedConstructor() {
    Constructor<?> meta =
        constructor(
            CalciteMetaImpl.class,
            calciteClass("CalciteConnectionImpl"),
            CalciteMetaTableFactory.class,
            CalciteMetaColumnFactory.class);
    int modifiers = meta.getModifiers();
    assertTrue(
        Modifier.isProtected(modifiers) || Modifier.isPublic(modifiers),
        "CalciteMetaImpl's constructor " + meta + " is no longer protected; WandbMeta calls it");
  }

  /** The day Calcite opens these itself, the split package can go; this says when. */
  @Test
  void calciteStillOffersNoPublicRoute() {
    Class<?> connection = calciteClass("CalciteConnectionImpl");
    assertFalse(
        Modifier.isPublic(connection.getModifiers())
            && Modifier.isPublic(calciteClass("CalcitePreparedStatement").getModifiers()),
        "CalciteConnectionImpl and CalcitePreparedStatement are now public: WandbConnection can "
            + "extend Calcite's connection directly; remove CalcitePackageAccess.ConnectionBase");
    Constructor<?> resultSet =
        constructor(
            CalciteResultSet.class,
            AvaticaStatement.class,
            CalcitePrepare.CalciteSignature.class,
            ResultSetMetaData.class,
            TimeZone.class,
            Meta.Frame.class);
    assertFalse(
        Modifier.isProtected(resultSet.getModifiers())
            || Modifier.isPublic(resultSet.getModifiers()),
        "CalciteResultSet's constructor is now accessible to subclasses: WandbResultSet can "
            + "extend it directly; remove CalcitePackageAccess.ResultSetBase");
  }

  @Test
  void aRealConnectionGoesThroughTheBases() throws SQLException {
    try (WandbEmulator emulator =
            WandbEmulator.start(
                EmulatorConfig.defaults(),
                DatasetGenerator.generate(GeneratorSpec.defaults(5).withRunsPerProject(3)));
        Connection connection = DriverManager.getConnection(emulator.jdbcUrl("demo"))) {
      assertInstanceOf(CalcitePackageAccess.ConnectionBase.class, connection);
      try (ResultSet tables = connection.getMetaData().getTables(null, "demo", "runs", null)) {
        assertTrue(tables.next(), "WandbMeta lists the runs table");
        assertEquals("TABLE", tables.getString("TABLE_TYPE"));
      }
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT run_id FROM runs")) {
        assertInstanceOf(CalcitePackageAccess.StatementBase.class, statement);
        assertInstanceOf(CalcitePackageAccess.ResultSetBase.class, rows);
        assertTrue(rows.next());
      }
      try (PreparedStatement statement = connection.prepareStatement("SELECT run_id FROM runs")) {
        assertInstanceOf(CalcitePackageAccess.PreparedStatementBase.class, statement);
      }
      // Only the four-argument overload, the one ConnectionBase overrides, sees this failure.
      SQLException e =
          assertThrows(
              SQLException.class,
              () ->
                  connection.prepareStatement(
                      "SELECT nope FROM runs",
                      ResultSet.TYPE_FORWARD_ONLY,
                      ResultSet.CONCUR_READ_ONLY,
                      ResultSet.HOLD_CURSORS_OVER_COMMIT));
      assertTrue(e.getMessage().contains("Column 'nope' not found"), e.getMessage());
    }
  }

  private static Class<?> calciteClass(String simpleName) {
    try {
      return Class.forName(CALCITE_JDBC + simpleName);
    } catch (ClassNotFoundException e) {
      return fail(
          "Calcite no longer has "
              + CALCITE_JDBC
              + simpleName
              + ", which CalcitePackageAccess extends or names",
          e);
    }
  }

  private static Constructor<?> constructor(Class<?> owner, Class<?>... parameters) {
    try {
      return owner.getDeclaredConstructor(parameters);
    } catch (NoSuchMethodException e) {
      return fail(
          owner.getSimpleName()
              + " no longer has a constructor taking "
              + names(parameters)
              + "; it has "
              + Arrays.toString(owner.getDeclaredConstructors()),
          e);
    }
  }

  private static Method method(Class<?> owner, String name, Class<?>... parameters) {
    try {
      return owner.getDeclaredMethod(name, parameters);
    } catch (NoSuchMethodException e) {
      return fail(owner.getSimpleName() + " no longer declares " + name + names(parameters), e);
    }
  }

  /** Package-private, protected or public: a class in the same package may call it. */
  private static void assertReachableFromItsPackage(Member member) {
    assertFalse(
        Modifier.isPrivate(member.getModifiers()),
        member + " became private; CalcitePackageAccess calls it");
  }

  private static String names(Class<?>... parameters) {
    return Arrays.stream(parameters)
        .map(Class::getSimpleName)
        .collect(Collectors.joining(", ", "(", ")"));
  }
}
