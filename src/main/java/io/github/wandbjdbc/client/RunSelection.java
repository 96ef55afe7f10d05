package io.github.wandbjdbc.client;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a run listing asks W&B for: whole fields, and top-level keys of {@code config} and {@code
 * summaryMetrics} asked through their {@code keys:} argument, so that a query reading one metric
 * does not move every metric of every run. A field asked whole makes its keys redundant; they are
 * dropped. Key sets are sorted, so equal selections send equal variables.
 *
 * <p>Keys are top-level keys: whether W&B reads a dotted key as a path is unverified, and a
 * top-level key names the same value under either reading.
 */
public record RunSelection(Set<RunField> fields, Set<String> configKeys, Set<String> summaryKeys) {
  private static final Set<RunField> WHOLE_JSON =
      EnumSet.of(
          RunField.CONFIG,
          RunField.SUMMARY_METRICS,
          RunField.SYSTEM_METRICS,
          RunField.HISTORY_KEYS);

  public RunSelection {
    Set<RunField> copy = EnumSet.noneOf(RunField.class);
    copy.addAll(fields);
    fields = Collections.unmodifiableSet(copy);
    configKeys = fields.contains(RunField.CONFIG) ? Set.of() : sorted(configKeys);
    summaryKeys = fields.contains(RunField.SUMMARY_METRICS) ? Set.of() : sorted(summaryKeys);
  }

  /** Only these whole fields (and the run's name). */
  public static RunSelection of(Set<RunField> fields) {
    return new RunSelection(fields, Set.of(), Set.of());
  }

  /** The official client's lazy listing: the lightweight fields plus the {@code heavy} ones. */
  public static RunSelection lightweightWith(Set<RunField> heavy) {
    Set<RunField> fields = EnumSet.copyOf(RunField.LIGHTWEIGHT);
    fields.addAll(heavy);
    return of(fields);
  }

  public boolean wants(RunField field) {
    return fields.contains(field);
  }

  /**
   * Whether a run carries a whole JSON field: configs, summaries and history keys run to kilobytes
   * a run, the other fields and single keys to tens of bytes.
   */
  boolean wide() {
    return fields.stream().anyMatch(WHOLE_JSON::contains);
  }

  private static Set<String> sorted(Set<String> keys) {
    return Collections.unmodifiableSet(new TreeSet<>(keys));
  }
}
