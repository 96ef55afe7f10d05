package io.github.wandbjdbc.calcite.runs;

import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;

/** Lets Calcite's enumerable operators consume the rows of a W&B request. */
final class RunsToEnumerableConverterRule extends ConverterRule {
  static final RunsToEnumerableConverterRule RULE =
      new RunsToEnumerableConverterRule(
          Config.INSTANCE
              .withConversion(
                  RelNode.class,
                  RunsRel.CONVENTION,
                  EnumerableConvention.INSTANCE,
                  "RunsToEnumerableConverterRule")
              .withRuleFactory(RunsToEnumerableConverterRule::new));

  private RunsToEnumerableConverterRule(Config config) {
    super(config);
  }

  @Override
  public RelNode convert(RelNode rel) {
    return new RunsToEnumerableConverter(
        rel.getCluster(), rel.getTraitSet().replace(EnumerableConvention.INSTANCE), rel);
  }
}
