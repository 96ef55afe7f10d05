package io.github.wandbjdbc.calcite;

import io.github.wandbjdbc.client.Run;
import io.github.wandbjdbc.client.RunField;
import io.github.wandbjdbc.client.RunIterator;
import io.github.wandbjdbc.client.RunQuery;
import io.github.wandbjdbc.client.RunSelection;
import io.github.wandbjdbc.client.WandbClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The sample a table discovers its columns from: one bounded request for the newest runs. */
public final class RunSamples {
  private RunSamples() {}

  /**
   * At most {@code count} of the project's newest runs, with only their names and {@code fields}.
   */
  public static List<Run> newest(
      WandbClient client, ProjectContext context, int count, Set<RunField> fields) {
    RunQuery sample =
        new RunQuery(
            context.entity(),
            context.project(),
            null,
            "-created_at",
            count,
            count,
            RunSelection.of(fields));
    List<Run> runs = new ArrayList<>();
    try (RunIterator iterator = client.runs(sample)) {
      iterator.forEachRemaining(runs::add);
    }
    return runs;
  }
}
