package io.github.wandbjdbc.calcite.runs;

import io.github.wandbjdbc.calcite.LineageStep;
import org.apache.calcite.plan.Convention;

/**
 * A relational operator that W&B evaluates: the runs scan and what the rules put on it (filter,
 * column selection, limit, count). Each one only writes its part of the request into a {@link
 * RunsScanSpec.Builder}; {@link RunsToEnumerableConverter} turns the finished spec into code. As a
 * {@link LineageStep}, each says how its fields and rows come from its input.
 */
public interface RunsRel extends LineageStep {
  Convention CONVENTION = new Convention.Impl("WANDB", RunsRel.class);

  /**
   * Adds this operator's part to the request; the converter calls it on every operator of the
   * chain, the scan first.
   */
  void implement(RunsScanSpec.Builder spec);
}
