package io.github.wandbjdbc.emulator;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The runs' parquet exports and their signed URLs. An export is made per (run, generation): the
 * first {@code parquetHistory} of a run makes generation 1, {@link #reexport} and a run replaced in
 * its project by another instance make the next one, under new file paths; files of older
 * generations are gone (404), as when W&B re-exports.
 */
final class ExportCatalog {
  static final String PATH_PREFIX = "/exports/";

  /** Identifies a run's exports; names as given, not encoded. */
  record RunKey(String entity, String project, String run) {}

  private final EmulatedDataset dataset;
  private final ExportSettings settings;
  private final UrlSigner signer;
  private final String storageBaseUrl;
  private final LongSupplier clock;
  private final Map<RunKey, RunExport> exports = new HashMap<>();
  private final AtomicLong calls = new AtomicLong();

  ExportCatalog(
      EmulatedDataset dataset,
      ExportSettings settings,
      UrlSigner signer,
      String storageBaseUrl,
      LongSupplier clock) {
    this.dataset = dataset;
    this.settings = settings;
    this.signer = signer;
    this.storageBaseUrl = storageBaseUrl;
    this.clock = clock;
  }

  /** {@code parquetHistory(liveKeys)}: {@code {parquetUrls, liveData}}. */
  Map<String, Object> parquetHistory(RunKey key, EmulatedRun run, List<String> liveKeys) {
    if (settings.mode() == ExportMode.NONE) {
      return Map.of("parquetUrls", List.of(), "liveData", List.of());
    }
    RunExport export = current(key, run);
    long expires = clock.getAsLong() + settings.fileUrlTtlMs();
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < export.fileCount(); i++) {
      String path = path(key, export.generation(), i);
      urls.add(
          storageBaseUrl
              + path
              + "?X-Expires="
              + expires
              + "&X-Signature="
              + signer.sign(path, expires));
    }
    // W&B's order is not stable: shuffled per run, then rotated per call so it always changes.
    Collections.shuffle(urls, new Random(key.hashCode()));
    Collections.rotate(urls, (int) (calls.incrementAndGet() % Math.max(1, urls.size())));
    return Map.of("parquetUrls", urls, "liveData", export.liveData(liveKeys));
  }

  /** The export a file path names, when that generation is the run's current one. */
  synchronized Optional<RunExport> export(RunKey key, int generation) {
    RunExport export = exports.get(key);
    return export != null && export.generation() == generation
        ? Optional.of(export)
        : Optional.empty();
  }

  /**
   * Makes the run's next export generation, as W&B does when it exports a run again: file paths
   * change and the old ones stop working.
   *
   * @throws IllegalArgumentException when the run does not exist
   */
  synchronized void reexport(RunKey key) {
    EmulatedRun run =
        dataset.project(key.entity(), key.project()).stream()
            .flatMap(p -> p.runs().stream())
            .filter(r -> r.name().equals(key.run()))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no run " + key));
    RunExport previous = exports.get(key);
    exports.put(
        key, new RunExport(run, previous == null ? 2 : previous.generation() + 1, settings));
  }

  private synchronized RunExport current(RunKey key, EmulatedRun run) {
    RunExport export = exports.get(key);
    if (export == null || export.run() != run) {
      export = new RunExport(run, export == null ? 1 : export.generation() + 1, settings);
      exports.put(key, export);
    }
    return export;
  }

  /** {@code /exports/<entity>/<project>/<run>/g<generation>/<index>.parquet}, percent-encoded. */
  static String path(RunKey key, int generation, int index) {
    return PATH_PREFIX
        + encode(key.entity())
        + "/"
        + encode(key.project())
        + "/"
        + encode(key.run())
        + "/g"
        + generation
        + "/"
        + index
        + ".parquet";
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
