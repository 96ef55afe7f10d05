package io.github.wandbjdbc.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code Project.runs}, {@code Project.runCount} and {@code Project.run}: runs as the {@link
 * ValueOrder} stores them; filter, then sort, then page.
 */
final class RunListing {
  private final ValueOrder values;

  RunListing(ValueOrder values) {
    this.values = values;
  }

  OffsetConnection<RunRef> runs(
      ProjectRef project, Object filters, String order, Integer first, String after) {
    Comparator<EmulatedRun> ordering = RunOrdering.parse(order, values);
    List<EmulatedRun> runs = matching(project, filters);
    runs.sort(ordering);
    List<RunRef> refs = new ArrayList<>(runs.size());
    runs.forEach(run -> refs.add(new RunRef(project, run)));
    return OffsetConnection.page(refs, first, after);
  }

  int count(ProjectRef project, Object filters) {
    return matching(project, filters).size();
  }

  /** The run of that name, or null. */
  RunRef run(ProjectRef project, String name) {
    return project.project().runs().stream()
        .filter(r -> r.name().equals(name))
        .findFirst()
        .map(r -> new RunRef(project, values.stored(r)))
        .orElse(null);
  }

  /** Mutable list of the project's runs (a snapshot) that pass the filter. */
  private List<EmulatedRun> matching(ProjectRef project, Object filters) {
    JsonNode filter = JsonText.read(filters, "filters");
    List<EmulatedRun> runs = stored(project);
    // "{}" and null select everything; only real filters go to the evaluator.
    if (filter == null || filter.isNull() || (filter.isObject() && filter.isEmpty())) {
      return runs;
    }
    Predicate<EmulatedRun> test = RunFilterEvaluator.compile(filter, values);
    runs.removeIf(test.negate());
    return runs;
  }

  private List<EmulatedRun> stored(ProjectRef project) {
    List<EmulatedRun> runs = new ArrayList<>();
    project.project().runs().forEach(run -> runs.add(values.stored(run)));
    return runs;
  }
}
