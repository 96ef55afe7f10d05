package io.github.wandbjdbc.jdbc;

import io.github.wandbjdbc.calcite.ColumnOrderOperators;
import io.github.wandbjdbc.calcite.ColumnValueOrder;
import io.github.wandbjdbc.calcite.OrderNullsConverter;
import io.github.wandbjdbc.calcite.RowGoal;
import java.lang.reflect.Type;
import java.util.Locale;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.interpreter.BindableConvention;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.SqlToRelConverter;

/**
 * Calcite's statement preparation, refusing INSERT, UPDATE, DELETE and MERGE (also under EXPLAIN)
 * before planning: W&B data is read-only here, and without this check the planner fails with a
 * page-long "not enough rules" dump instead of saying so.
 */
final class ReadOnlyPrepare extends CalcitePrepareImpl {

  @Override
  protected CalcitePreparingStmt getPreparingStmt(
      CalcitePrepare.Context context,
      Type elementType,
      CalciteCatalogReader catalogReader,
      RelOptPlanner planner) {
    // The same arguments Calcite's own implementation passes.
    return new ReadOnlyPreparingStmt(
        this,
        context,
        catalogReader,
        elementType == Object[].class ? EnumerableRel.Prefer.ARRAY : EnumerableRel.Prefer.CUSTOM,
        createCluster(planner, new RexBuilder(context.getTypeFactory())));
  }

  /** Thrown when a statement would modify data; the JDBC layer wraps it in an SQLException. */
  static final class ReadOnlyViolation extends UnsupportedOperationException {
    private static final long serialVersionUID = 1L;

    ReadOnlyViolation(SqlKind kind) {
      super(
          "wandb-jdbc is read-only: "
              + kind.name().toUpperCase(Locale.ROOT)
              + " is not supported; W&B runs can only be queried");
    }
  }

  private static final class ReadOnlyPreparingStmt extends CalcitePreparingStmt {
    /** Calcite's own field is private; the converter needs it. */
    private final RelOptCluster cluster;

    ReadOnlyPreparingStmt(
        ReadOnlyPrepare prepare,
        CalcitePrepare.Context context,
        CalciteCatalogReader catalogReader,
        EnumerableRel.Prefer prefer,
        RelOptCluster cluster) {
      super(
          prepare,
          context,
          catalogReader,
          context.getTypeFactory(),
          context.getRootSchema(),
          prefer,
          cluster,
          prepare.enableBindable ? BindableConvention.INSTANCE : EnumerableConvention.INSTANCE,
          prepare.createConvertletTable());
      this.cluster = cluster;
    }

    /**
     * Calcite's conversion, with a bare DESC's NULLs placed by the column it sorts ({@link
     * OrderNullsConverter}). An IN list stays a predicate however long it is: Calcite turns a list
     * of 20 or more values into a join with an inline table whose values it compiles into one
     * method, so that a list of a few thousand values fails with "Code grows beyond 64 KB"; as a
     * predicate it becomes one W&B {@code $in} filter on a pushable column.
     */
    @Override
    protected SqlToRelConverter getSqlToRelConverter(
        SqlValidator validator, CatalogReader catalogReader, SqlToRelConverter.Config config) {
      return new OrderNullsConverter(
          this,
          validator,
          catalogReader,
          cluster,
          convertletTable,
          config.withInSubQueryThreshold(Integer.MAX_VALUE));
    }

    /**
     * The finished plan, just before its code is generated: the only place the whole plan is seen
     * then. The scan that feeds its result is marked ({@link RowGoal}), in this plan alone, so no
     * other statement, connection or Calcite user in the JVM sees it; and sorts, MIN and MAX are
     * swapped for ones that order doubles as PostgreSQL does ({@link ColumnValueOrder}).
     */
    @Override
    protected PreparedResult implement(RelRoot root) {
      CompiledListLimit.check(root.rel);
      RelNode aimed = RowGoal.aimAtResult(root.rel);
      return super.implement(root.withRel(ColumnOrderOperators.substitute(aimed)));
    }

    @Override
    public PreparedResult prepareSql(
        SqlNode sqlQuery,
        SqlNode sqlNodeOriginal,
        Class<?> runtimeContextClass,
        SqlValidator validator,
        boolean needsValidation) {
      SqlNode statement =
          sqlQuery instanceof SqlExplain explain ? explain.getExplicandum() : sqlQuery;
      if (statement.getKind().belongsTo(SqlKind.DML)) {
        throw new ReadOnlyViolation(statement.getKind());
      }
      UnicodeEscapeLiterals.retag(sqlQuery);
      return super.prepareSql(
          sqlQuery, sqlNodeOriginal, runtimeContextClass, validator, needsValidation);
    }
  }
}
