package io.github.wandbjdbc.calcite.pgcatalog;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.calcite.DataContext;

/**
 * The catalog's functions: the public static methods of {@link PgFunctions} and {@link
 * PgValueFunctions} whose first parameter is the query's {@link DataContext}, as Calcite functions
 * and as pg_proc lists them.
 */
final class PgFunctionRegistry {
  /** A function as pg_proc lists it. */
  record Signature(int oid, String name, List<Integer> arguments, int result) {}

  private static final int FIRST_OID = 13100;

  /** Every function, in name and arity order. */
  static List<PgFunction> all() {
    List<PgFunction> functions = new ArrayList<>();
    for (Method m : methods()) {
      if (Modifier.isPublic(m.getModifiers())
          && Modifier.isStatic(m.getModifiers())
          && m.getParameterCount() > 0
          && m.getParameterTypes()[0] == DataContext.class) {
        functions.add(new PgFunction(m));
      }
    }
    functions.sort(
        Comparator.comparing((PgFunction f) -> f.method().getName())
            .thenComparing(f -> f.method().getParameterCount()));
    return functions;
  }

  static List<Signature> signatures(List<PgFunction> functions) {
    List<Signature> signatures = new ArrayList<>();
    for (int i = 0; i < functions.size(); i++) {
      Method m = functions.get(i).method();
      List<Integer> arguments =
          Arrays.stream(m.getParameterTypes()).skip(1).map(PgFunctionRegistry::typeOid).toList();
      signatures.add(
          new Signature(FIRST_OID + i, m.getName(), arguments, typeOid(m.getReturnType())));
    }
    return signatures;
  }

  private static int typeOid(Class<?> type) {
    if (type == Integer.class) {
      return PgTypes.INT4;
    } else if (type == Long.class) {
      return PgTypes.INT8;
    } else if (type == Boolean.class) {
      return PgTypes.BOOL;
    } else if (type == List.class) {
      return 1009;
    }
    return PgTypes.TEXT;
  }

  private PgFunctionRegistry() {}

  private static List<Method> methods() {
    List<Method> methods = new ArrayList<>(Arrays.asList(PgFunctions.class.getDeclaredMethods()));
    methods.addAll(Arrays.asList(PgValueFunctions.class.getDeclaredMethods()));
    return methods;
  }
}
