package io.github.wandbjdbc.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every method of a result set and a prepared statement, called with placeholder arguments: any
 * {@link SQLFeatureNotSupportedException} it raises must say what is not supported, with 0A000.
 */
class UnsupportedFeaturesTest {
  private static WandbEmulator emulator;

  @BeforeAll
  static void start() {
    emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults(),
            DatasetGenerator.generate(GeneratorSpec.defaults(3).withRunsPerProject(4)));
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void everyRefusalOfAResultSetOrPreparedStatementSaysWhat() throws Exception {
    List<String> silent = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(emulator.jdbcUrl("demo"))) {
      for (Method method : ResultSet.class.getMethods()) {
        try (PreparedStatement statement = connection.prepareStatement("SELECT run_id FROM runs");
            ResultSet rows = statement.executeQuery()) {
          rows.next();
          check(rows, method, silent);
        }
      }
      for (Method method : PreparedStatement.class.getMethods()) {
        if (!method.getName().equals("close") && !method.getName().startsWith("execute")
            || method.getParameterCount() > 1) {
          try (PreparedStatement statement =
              connection.prepareStatement("SELECT run_id FROM runs WHERE state = ?")) {
            check(statement, method, silent);
          }
        }
      }
    }
    assertEquals(List.of(), silent, "refusals without a message or with another SQLState");
  }

  private static void check(Object target, Method method, List<String> silent) throws Exception {
    if (Modifier.isStatic(method.getModifiers())) {
      return;
    }
    try {
      method.invoke(target, placeholders(method.getParameterTypes()));
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof SQLFeatureNotSupportedException refused
          && (refused.getMessage() == null || !"0A000".equals(refused.getSQLState()))) {
        silent.add(
            method.getName()
                + Arrays.stream(method.getParameterTypes())
                    .map(Class::getSimpleName)
                    .collect(Collectors.joining(", ", "(", ")")));
      } else if (!(e.getCause() instanceof SQLException
          || e.getCause() instanceof RuntimeException)) {
        throw e;
      }
    }
  }

  private static Object[] placeholders(Class<?>[] types) {
    Object[] values = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      Class<?> type = types[i];
      values[i] =
          type == int.class
              ? (Object) 1
              : type == long.class
                  ? 1L
                  : type == boolean.class
                      ? false
                      : type == double.class
                          ? 1.0
                          : type == float.class
                              ? 1f
                              : type == short.class
                                  ? (short) 1
                                  : type == byte.class
                                      ? (byte) 1
                                      : type == String.class ? "run_id" : null;
    }
    return values;
  }
}
