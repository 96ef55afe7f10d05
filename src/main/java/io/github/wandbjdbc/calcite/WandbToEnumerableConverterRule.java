package io.github.wandbjdbc.calcite;

import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;

/** Lets Calcite's enumerable operators consume the rows of a W&B request. */
final class WandbToEnumerableConverterRule extends ConverterRule {
  static final WandbToEnumerableConverterRule RULE = new WandbToEnumerableConverterRule(
      Config.INSTANCE.withConversion(RelNode.class, WandbRel.CONVENTION,
              EnumerableConvention.INSTANCE, "WandbToEnumerableConverterRule")
          .withRuleFactory(WandbToEnumerableConverterRule::new));

  private WandbToEnumerableConverterRule(Config config) {
    super(config);
  }

  @Override
  public RelNode convert(RelNode rel) {
    return new WandbToEnumerableConverter(rel.getCluster(),
        rel.getTraitSet().replace(EnumerableConvention.INSTANCE), rel);
  }
}
