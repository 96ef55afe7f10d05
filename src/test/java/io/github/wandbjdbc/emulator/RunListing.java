package io.github.wandbjdbc.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** {@code Project.runs} and {@code Project.runCount}: filter, then sort, then page. */
final class RunListing {
  private RunListing() {}

  static OffsetConnection<RunRef> runs(
      ProjectRef project, Object filters, String order, Integer first, String after) {
    Comparator<EmulatedRun> ordering = RunOrdering.parse(order);
    List<EmulatedRun> runs = matching(project, filters);
    runs.sort(ordering);
    List<RunRef> refs = new ArrayList<>(runs.size());
    runs.forEach(run -> refs.add(new RunRef(project, run)));
    return OffsetConnection.page(refs, first, after);
  }

  static int count(ProjectRef project, Object filters) {
    return matching(project, filters).size();
  }

  /** Mutable list of the project's runs (a snapshot) that pass the filter. */
  private static List<EmulatedRun> matching(ProjectRef project, Object filters) {
    JsonNode filter = JsonText.read(filters, "filters");
    List<EmulatedRun> runs = new ArrayList<>(project.project().runs());
    // "{}" and null select everything; only real filters go to the evaluator.
    if (filter == null || filter.isNull() || (filter.isObject() && filter.isEmpty())) {
      return runs;
    }
    RunFilterEvaluator.validate(filter);
    runs.removeIf(run -> !RunFilterEvaluator.matches(filter, run));
    return runs;
  }
}
