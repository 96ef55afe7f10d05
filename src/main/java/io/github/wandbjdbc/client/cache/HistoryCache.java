package io.github.wandbjdbc.client.cache;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wandbjdbc.client.HistoryCacheSettings;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * History rows of finished runs, kept on disk: one file per run and read shape ({@link
 * HistoryCacheFile}), named by a hash of host, entity, project, run and shape, and valid only while
 * the run's markers (state, line count, last step, heartbeat) are those inside it. Files are 0600
 * in a 0700 directory and hold no secret. They are written to a temporary file and renamed, so
 * readers (other JVMs too) see a whole file or none; least recently used files go once the
 * directory holds more than {@code maxBytes}. A directory that cannot be written turns the cache
 * off, with one warning: the query goes on without it.
 */
public final class HistoryCache {
  /** No cache: every read goes to W&B. */
  public static final HistoryCache OFF = new HistoryCache(null, 0);

  private static final System.Logger LOG = System.getLogger(HistoryCache.class.getName());
  private static final String SUFFIX = ".whc";
  private static final Set<PosixFilePermission> DIRECTORY =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  /** Directories already warned about: one warning each, however many connections use them. */
  private static final Set<Path> WARNED = ConcurrentHashMap.newKeySet();

  private final Path directory;
  private final long maxBytes;
  private final AtomicBoolean broken = new AtomicBoolean();

  private HistoryCache(Path directory, long maxBytes) {
    this.directory = directory;
    this.maxBytes = maxBytes;
  }

  /** The cache {@code settings} describe. */
  public static HistoryCache of(HistoryCacheSettings settings) {
    return settings.enabled() ? in(settings.directory(), settings.maxBytes()) : OFF;
  }

  /** A cache in {@code directory} (created when missing) of at most {@code maxBytes}. */
  public static HistoryCache in(Path directory, long maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be >= 1, was " + maxBytes);
    }
    return new HistoryCache(directory.resolve("v" + HistoryCacheFile.VERSION), maxBytes);
  }

  public boolean enabled() {
    return directory != null && !broken.get();
  }

  /** Whether a file for {@code entry} exists; {@link #load} still checks it. */
  public boolean holds(Entry entry) {
    return enabled() && Files.isRegularFile(file(entry));
  }

  /** The rows stored under {@code entry}, or null; a damaged file is removed, never served. */
  public List<ObjectNode> load(Entry entry) {
    if (!enabled()) {
      return null;
    }
    Path file = file(entry);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return null; // absent, or unreadable now: a later read of W&B rewrites it
    }
    List<ObjectNode> rows = HistoryCacheFile.decode(bytes, entry.identity());
    try {
      if (rows == null) {
        Files.deleteIfExists(file); // damaged, of another version, or of the run before a change
      } else {
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
      }
    } catch (IOException e) {
      // another JVM may have replaced or evicted it meanwhile: nothing to mend
    }
    return rows;
  }

  /**
   * Keeps the rows of {@code chunks} ({@link HistoryCacheFile#encodeChunk}), in order, under {@code
   * entry}; failures turn the cache off with one warning.
   */
  public void store(Entry entry, List<byte[]> chunks) {
    if (!enabled()) {
      return;
    }
    byte[] bytes = HistoryCacheFile.file(entry.identity(), chunks);
    if (bytes.length > maxBytes) {
      return;
    }
    Path temporary = null;
    try {
      createDirectory();
      temporary =
          Files.createTempFile(
              directory, "tmp-", SUFFIX + ".part", PosixFilePermissions.asFileAttribute(FILE));
      Files.write(temporary, bytes);
      try {
        Files.move(
            temporary,
            file(entry),
            StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file(entry), StandardCopyOption.REPLACE_EXISTING);
      }
      temporary = null;
      evict();
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      broken.set(true);
      if (WARNED.add(directory)) {
        LOG.log(
            Level.WARNING,
            "wandb-jdbc history cache turned off: cannot write to "
                + directory
                + " ("
                + e
                + "); queries read W&B instead");
      }
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException e) {
          // the directory is failing already; the warning said so
        }
      }
    }
  }

  private void createDirectory() throws IOException {
    if (Files.isDirectory(directory)) {
      return;
    }
    FileAttribute<Set<PosixFilePermission>> owner = PosixFilePermissions.asFileAttribute(DIRECTORY);
    Path parent = directory.getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      try {
        Files.createDirectories(parent, owner);
      } catch (FileAlreadyExistsException e) {
        // made by another JVM meanwhile
      }
    }
    try {
      Files.createDirectory(directory, owner);
    } catch (FileAlreadyExistsException e) {
      // made by another JVM meanwhile
    }
  }

  /** Removes least recently used files until the directory holds at most {@code maxBytes}. */
  private void evict() throws IOException {
    record Kept(Path path, long size, FileTime used) {}
    List<Kept> files = new ArrayList<>();
    long total = 0;
    try (Stream<Path> listing = Files.list(directory)) {
      for (Path path : (Iterable<Path>) listing::iterator) {
        if (path.getFileName().toString().endsWith(SUFFIX)) {
          try {
            long size = Files.size(path);
            files.add(new Kept(path, size, Files.getLastModifiedTime(path)));
            total += size;
          } catch (NoSuchFileException e) {
            // evicted by another JVM meanwhile
          }
        }
      }
    }
    if (total <= maxBytes) {
      return;
    }
    files.sort((a, b) -> a.used().compareTo(b.used()));
    for (Kept file : files) {
      if (total <= maxBytes) {
        return;
      }
      Files.deleteIfExists(file.path());
      total -= file.size();
    }
  }

  private Path file(Entry entry) {
    return directory.resolve(entry.fileName() + SUFFIX);
  }

  /**
   * What a file holds: the rows of one read shape ({@code shape}: whole rows, one spec's keys, or
   * system metrics) of one run, valid while the run's {@code markers} are unchanged.
   */
  public record Entry(
      String host, String entity, String project, String run, String shape, String markers) {
    /** The file's name: the same for every version of the run, so a changed run replaces it. */
    String fileName() {
      try {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        String name = String.join("\n", host, entity, project, run, shape);
        return HexFormat.of().formatHex(digest.digest(name.getBytes(StandardCharsets.UTF_8)));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every JVM has SHA-256", e);
      }
    }

    /** What a file must hold to be served: every field, markers included. */
    String identity() {
      return String.join("\n", host, entity, project, run, shape, markers);
    }
  }
}
