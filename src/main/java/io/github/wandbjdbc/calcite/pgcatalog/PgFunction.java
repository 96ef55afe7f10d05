package io.github.wandbjdbc.calcite.pgcatalog;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.CallImplementor;
import org.apache.calcite.adapter.enumerable.EnumUtils;
import org.apache.calcite.adapter.enumerable.NullPolicy;
import org.apache.calcite.adapter.enumerable.RexImpTable;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ImplementableFunction;
import org.apache.calcite.schema.ScalarFunction;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A PostgreSQL function as a Calcite function: a static method of {@link PgFunctionRegistry}'s
 * classes whose first parameter is the query's {@link DataContext} (the connection's objects and
 * session), the rest the SQL arguments. Null arguments reach the method, which decides, as
 * PostgreSQL's do.
 */
final class PgFunction implements ScalarFunction, ImplementableFunction {
  private final Method method;

  PgFunction(Method method) {
    this.method = method;
  }

  Method method() {
    return method;
  }

  @Override
  public RelDataType getReturnType(RelDataTypeFactory factory) {
    RelDataType text =
        factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.VARCHAR), true);
    RelDataType integer =
        factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.INTEGER), true);
    Class<?> type = method.getReturnType();
    RelDataType sql;
    if (method.getName().equals("pg_zip")) {
      sql = factory.createArrayType(factory.builder().add("v0", text).add("v1", text).build(), -1);
    } else if (method.getName().equals("pg_expanded")) {
      sql = factory.builder().add("x", integer).add("n", integer).build();
    } else if (type == List.class) {
      sql = factory.createArrayType(text, -1); // names: current_schemas, pg_text_array
    } else {
      sql = sqlType(factory, type);
    }
    return factory.createTypeWithNullability(sql, true);
  }

  @Override
  public List<FunctionParameter> getParameters() {
    Class<?>[] types = method.getParameterTypes();
    List<FunctionParameter> parameters = new ArrayList<>();
    for (int i = 1; i < types.length; i++) {
      int ordinal = i - 1;
      Class<?> type = types[i];
      parameters.add(
          new FunctionParameter() {
            @Override
            public int getOrdinal() {
              return ordinal;
            }

            @Override
            public String getName() {
              return "arg" + ordinal;
            }

            @Override
            public RelDataType getType(RelDataTypeFactory factory) {
              return factory.createTypeWithNullability(sqlType(factory, type), true);
            }

            @Override
            public boolean isOptional() {
              return false;
            }
          });
    }
    return parameters;
  }

  @Override
  public CallImplementor getImplementor() {
    Class<?>[] types = method.getParameterTypes();
    return RexImpTable.createImplementor(
        (translator, call, operands) -> {
          List<Expression> arguments = new ArrayList<>();
          arguments.add(DataContext.ROOT);
          for (int i = 0; i < operands.size(); i++) {
            arguments.add(EnumUtils.convert(operands.get(i), types[i + 1]));
          }
          return Expressions.call(method, arguments);
        },
        NullPolicy.NONE,
        false);
  }

  private static RelDataType sqlType(RelDataTypeFactory factory, Class<?> type) {
    if (type == List.class) {
      return factory.createArrayType(factory.createSqlType(SqlTypeName.ANY), -1);
    }
    if (type == Object.class) {
      return factory.createSqlType(SqlTypeName.ANY);
    }
    if (type == String.class) {
      return factory.createSqlType(SqlTypeName.VARCHAR);
    }
    return ((JavaTypeFactory) factory).createType(type);
  }
}
