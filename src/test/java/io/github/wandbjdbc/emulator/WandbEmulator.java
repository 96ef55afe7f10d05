package io.github.wandbjdbc.emulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A W&B-compatible GraphQL server on 127.0.0.1 serving one {@link EmulatedDataset}, with knobs for
 * latency, rate limiting and scripted faults, and counters of what clients sent; plus a second
 * server on its own port for the parquet history exports (see {@link ExportSettings}).
 */
public final class WandbEmulator implements AutoCloseable {
  /** Enough for the official client's 10 parallel requests plus slow (delayed) ones. */
  private static final int THREADS = 16;

  private final EmulatorConfig config;
  private final EmulatedDataset dataset;
  private final EmulatorStats stats = new EmulatorStats();
  private final FaultPlan faults = new FaultPlan();
  private final FileFaultPlan fileFaults = new FileFaultPlan();
  private final ExportCatalog exports;
  private final FileStorageServer storage;
  private final GraphQlEndpoint graphQl;
  private final HttpServer server;
  private final ExecutorService executor;

  private WandbEmulator(EmulatorConfig config, EmulatedDataset dataset) throws IOException {
    this.config = Objects.requireNonNull(config, "config is null");
    this.dataset = Objects.requireNonNull(dataset, "dataset is null");
    UrlSigner signer = new UrlSigner();
    this.storage = new FileStorageServer();
    this.exports =
        new ExportCatalog(
            dataset, config.exports(), signer, storage.baseUrl(), System::currentTimeMillis);
    this.graphQl =
        new GraphQlEndpoint(config, EmulatorSchema.engine(dataset, config, exports), stats, faults);
    this.server = LoopbackHttpServer.create(config.port());
    AtomicInteger threadNumber = new AtomicInteger();
    this.executor =
        Executors.newFixedThreadPool(
            THREADS,
            task -> {
              Thread thread = new Thread(task, "wandb-emulator-" + threadNumber.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    server.createContext("/graphql", graphQl);
    server.createContext("/", new StatsEndpoint(stats));
    server.setExecutor(executor);
    server.start();
    storage.start(
        new StorageEndpoint(
            exports,
            signer,
            config.exports().fileLatencyMs(),
            stats.files(),
            fileFaults,
            System::currentTimeMillis));
  }

  /** Starts serving at once; close() stops. */
  public static WandbEmulator start(EmulatorConfig config, EmulatedDataset dataset) {
    try {
      return new WandbEmulator(config, dataset);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the W&B emulator on port " + config.port(), e);
    }
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The file storage server that the signed parquet URLs point to. */
  public String storageBaseUrl() {
    return storage.baseUrl();
  }

  public String apiKey() {
    return config.apiKeys().iterator().next();
  }

  public String jdbcUrl(String project) {
    return "jdbc:wandb:baseUrl="
        + baseUrl()
        + ";apiKey="
        + apiKey()
        + ";entity="
        + dataset.entity()
        + ";project="
        + project;
  }

  public EmulatedDataset dataset() {
    return dataset;
  }

  public EmulatorConfig config() {
    return config;
  }

  public EmulatorStats stats() {
    return stats;
  }

  public FaultPlan faults() {
    return faults;
  }

  /** Scripted faults of the file storage server, apart from the GraphQL ones. */
  public FileFaultPlan fileFaults() {
    return fileFaults;
  }

  /**
   * Exports the run's history again, as W&B may: the next {@code parquetHistory} gives URLs of new
   * paths, and the old ones answer 404.
   *
   * @throws IllegalArgumentException when the run does not exist
   */
  public void reexport(String entity, String project, String runName) {
    exports.reexport(new ExportCatalog.RunKey(entity, project, runName));
  }

  /**
   * Runs {@code hook} before each {@code /graphql} request is answered (on the server's threads,
   * possibly concurrently); tests use it to add or remove runs mid-scan. Null removes it.
   */
  public void beforeEachRequest(Consumer<RecordedRequest> hook) {
    graphQl.beforeEachRequest(hook);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    storage.close();
  }

  @Override
  public String toString() {
    return "WandbEmulator[" + baseUrl() + "]";
  }
}
