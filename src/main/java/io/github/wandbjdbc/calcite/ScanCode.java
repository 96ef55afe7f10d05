package io.github.wandbjdbc.calcite;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.adapter.enumerable.RexToLixTranslator;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.Types;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexProgramBuilder;
import org.apache.calcite.schema.Schemas;

/**
 * The code every scan of this adapter generates: look its table up, evaluate the request's {@link
 * ValueSlots} values, and call {@code table.query(root, spec, values)}. The spec is a parameter of
 * the generated code (a stashed value), not a constant in it, so queries that differ only in what
 * they send W&B generate the same code, and Calcite's cache of compiled code ({@code
 * CompiledCodeCache}) compiles it once.
 */
public final class ScanCode {
  private static final Method LOOKUP_TABLE =
      Types.lookupMethod(Schemas.class, "table", DataContext.class, String[].class);

  private ScanCode() {}

  /**
   * @param query the table's {@code query(DataContext, Spec, Object[])} method; its rows are in
   *     Calcite's array row format (Object[], the bare value for one column, a list for none)
   */
  public static <S> EnumerableRel.Result implement(
      EnumerableRelImplementor implementor,
      EnumerableRel.Prefer pref,
      RelDataType rowType,
      RelOptTable table,
      Method query,
      S spec,
      Class<S> specClass,
      List<RexNode> values,
      RexBuilder rexBuilder) {
    PhysType physType =
        PhysTypeImpl.of(implementor.getTypeFactory(), rowType, pref.prefer(JavaRowFormat.ARRAY));
    BlockBuilder block = new BlockBuilder();
    List<Expression> path = new ArrayList<>();
    table.getQualifiedName().forEach(name -> path.add(Expressions.constant(name)));
    Expression tableExpression =
        block.append(
            "table",
            Expressions.convert_(
                Expressions.call(
                    LOOKUP_TABLE,
                    implementor.getRootExpression(),
                    Expressions.newArrayInit(String.class, path)),
                query.getDeclaringClass()));
    Expression rows =
        block.append(
            "rows",
            Expressions.call(
                tableExpression,
                query,
                implementor.getRootExpression(),
                implementor.stash(spec, specClass),
                valueArray(implementor, block, values, rexBuilder)));
    block.add(Expressions.return_(null, rows));
    return implementor.result(physType, block.toBlock());
  }

  /**
   * Code computing the values, boxed (null stays null). Correlation variables are read through the
   * implementor: a batched join implements its right input inside its own loop, where the batch's
   * variables are declared.
   */
  private static Expression valueArray(
      EnumerableRelImplementor implementor,
      BlockBuilder block,
      List<RexNode> values,
      RexBuilder rexBuilder) {
    JavaTypeFactory typeFactory = implementor.getTypeFactory();
    RexProgramBuilder program = new RexProgramBuilder(typeFactory.builder().build(), rexBuilder);
    for (int i = 0; i < values.size(); i++) {
      program.addProject(values.get(i), "v" + i);
    }
    RexProgram built = program.getProgram();
    PhysType valueTypes =
        PhysTypeImpl.of(typeFactory, built.getOutputRowType(), JavaRowFormat.ARRAY);
    List<Expression> computed =
        RexToLixTranslator.translateProjects(
            built,
            typeFactory,
            implementor.getConformance(),
            block,
            null,
            valueTypes,
            implementor.getRootExpression(),
            (list, index, storageType) -> {
              throw new IllegalStateException("a pushed value reads no input row");
            },
            implementor::getCorrelVariableGetter);
    return Expressions.newArrayInit(Object.class, computed.stream().map(Expressions::box).toList());
  }
}
