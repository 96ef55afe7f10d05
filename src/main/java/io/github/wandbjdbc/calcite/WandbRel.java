package io.github.wandbjdbc.calcite;

import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;

/**
 * A relational operator that W&B evaluates: the runs scan and what the rules put on it (filter,
 * column selection, limit, count). Each one only writes its part of the request into a
 * {@link RunScanSpec.Builder}; {@link WandbToEnumerableConverter} turns the finished spec into code.
 */
public interface WandbRel extends RelNode {
  Convention CONVENTION = new Convention.Impl("WANDB", WandbRel.class);

  /** Adds this operator's part to the request, after its input has added its own. */
  void implement(RunScanSpec.Builder spec);

  /** Visits a child; after planning every input of a W&B operator is a W&B operator. */
  static void implementInput(RelNode input, RunScanSpec.Builder spec) {
    ((WandbRel) input).implement(spec);
  }
}
