package io.github.wandbjdbc.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wandbjdbc.emulator.DatasetGenerator;
import io.github.wandbjdbc.emulator.EmulatorConfig;
import io.github.wandbjdbc.emulator.ExportMode;
import io.github.wandbjdbc.emulator.GeneratorSpec;
import io.github.wandbjdbc.emulator.WandbEmulator;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver jar on a Spark executor's class path: one class loader holds a real Hadoop (3.4.1's
 * client jars) and a real, unrelocated parquet-java of another version (1.15.2) ahead of the driver
 * jar, as Spark 4.0 does with a jar added by {@code --jars}. The driver reads histories through
 * W&B's parquet exports with its relocated parquet-java, Hadoop shim and codecs, without defining a
 * single class of the host's packages; the host's Hadoop and parquet-java stay the real ones and
 * still write and read a parquet file afterwards.
 */
class DriverJarBesideHadoopIT {
  /** failsafe passes the folder that maven-dependency-plugin copied the host's jars to. */
  private static final String HOST_STACK_PROPERTY = "wandb.hostStack";

  private static final String SHADED = "io.github.wandbjdbc.shaded.";

  /** Packages the driver bundles only relocated, and the host has under these names. */
  private static final List<String> HOST_PACKAGES =
      List.of(
          "org.apache.parquet.",
          "org.apache.hadoop.",
          "shaded.parquet.",
          "blue.strategic.",
          "io.airlift.");

  private static final String SQL = "SELECT run_id, _step, loss, val_acc, phase FROM histories";

  private static WandbEmulator emulator;
  private static RecordingLoader loader;
  private static Driver driver;

  @TempDir static Path dir;

  @BeforeAll
  static void start() throws Exception {
    emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults().withExports(ExportMode.FINISHED),
            DatasetGenerator.generate(
                GeneratorSpec.defaults(23).withRunsPerProject(6).withHistorySteps(2500)));
    List<URL> urls = new ArrayList<>();
    for (Path jar : hostJars()) {
      urls.add(jar.toUri().toURL());
    }
    urls.add(DriverJar.path().toUri().toURL());
    loader = new RecordingLoader(urls.toArray(URL[]::new));
    driver =
        ServiceLoader.load(Driver.class, loader).stream()
            .map(ServiceLoader.Provider::get)
            .filter(d -> d.getClass().getName().equals("io.github.wandbjdbc.jdbc.WandbDriver"))
            .findFirst()
            .orElseThrow();
    assertSame(loader, driver.getClass().getClassLoader());
  }

  @AfterAll
  static void close() throws Exception {
    if (emulator != null) {
      emulator.close();
    }
    if (loader != null) {
      loader.close();
    }
  }

  /** As on a Spark executor, the thread's context class loader is the one with the jars. */
  @Test
  void theDriverReadsExportsWithItsOwnCopiesAndTheHostKeepsItsHadoopAndParquet() throws Exception {
    Thread thread = Thread.currentThread();
    ClassLoader context = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      driverAndHostInOneLoader();
    } finally {
      thread.setContextClassLoader(context);
    }
  }

  private static void driverAndHostInOneLoader() throws Exception {
    // The host's Hadoop is the real one: its Configuration comes from hadoop-client-api and reads
    // core-default.xml, which parquet-floor's shim does not have.
    Class<?> configuration = loader.loadClass("org.apache.hadoop.conf.Configuration");
    assertEquals("hadoop-client-api-3.4.1.jar", jarOf(configuration));
    Object conf = configuration.getConstructor().newInstance();
    assertEquals("file:///", call(conf, "get", "fs.defaultFS"));
    assertEquals(
        "parquet-hadoop-1.15.2.jar",
        jarOf(loader.loadClass("org.apache.parquet.hadoop.ParquetFileReader")));

    Set<String> before = Set.copyOf(loader.defined);
    emulator.stats().reset();
    List<List<String>> exported = query(emulator.jdbcUrl("demo"));
    long fileRequests = emulator.stats().files().requests();
    assertTrue(fileRequests > 0, "the query read no export file");
    assertEquals(0, emulator.stats().files().authorizedRequests(), "credentials sent to storage");
    Set<String> definedByTheQuery = new HashSet<>(loader.defined);
    definedByTheQuery.removeAll(before);

    List<List<String>> live = query(emulator.jdbcUrl("demo") + ";exports=false");
    assertFalse(live.isEmpty());
    assertEquals(live, exported);

    // Reading the exports defined no class of the host's packages in the shared loader, and the
    // relocated parquet-java, Hadoop shim and codecs it did define all come from the driver jar.
    List<String> hostClasses =
        definedByTheQuery.stream()
            .filter(name -> HOST_PACKAGES.stream().anyMatch(name::startsWith))
            .sorted()
            .toList();
    assertEquals(List.of(), hostClasses);
    for (String relocated :
        List.of(
            "org.apache.parquet.hadoop.ParquetFileReader",
            "shaded.parquet.org.apache.thrift.protocol.TCompactProtocol",
            "io.airlift.compress.snappy.SnappyDecompressor")) {
      assertTrue(
          definedByTheQuery.contains(SHADED + relocated),
          () -> "the query did not load " + SHADED + relocated);
    }
    // parquet-java reaches for a few Hadoop classes even through its own InputFile; the driver's
    // are parquet-floor's shim, relocated.
    List<String> shim =
        definedByTheQuery.stream()
            .filter(name -> name.startsWith(SHADED + "org.apache.hadoop."))
            .sorted()
            .toList();
    System.out.println("Hadoop shim classes the query loaded: " + shim);
    assertFalse(shim.isEmpty(), "the query loaded none of the relocated Hadoop shim");
    String driverJar = DriverJar.path().getFileName().toString();
    for (String name : definedByTheQuery) {
      if (name.startsWith(SHADED)) {
        assertEquals(driverJar, jarOf(loader.loadClass(name)), name);
      }
    }

    // Afterwards the host's own stack still works: Hadoop's local file system and parquet-java
    // 1.15.2 write a file and read it back.
    assertEquals(List.of("0:row0", "1:row1", "2:row2"), hostRoundTrip(conf));
    assertSame(configuration, loader.loadClass("org.apache.hadoop.conf.Configuration"));
  }

  /** Rows as strings, sorted: the two paths may return runs in another order. */
  private static List<List<String>> query(String url) throws Exception {
    List<List<String>> rows = new ArrayList<>();
    try (Connection connection = driver.connect(url, new Properties());
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(SQL)) {
      ResultSetMetaData meta = rs.getMetaData();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.add(String.valueOf(rs.getObject(i)));
        }
        rows.add(row);
      }
    }
    rows.sort(
        Comparator.comparing((List<String> row) -> row.get(0))
            .thenComparing(row -> row.get(1), Comparator.comparingDouble(Double::parseDouble)));
    return rows;
  }

  /** The host writes three rows with its parquet-java through Hadoop's local file system. */
  private static List<String> hostRoundTrip(Object conf) throws Exception {
    Object path =
        loader
            .loadClass("org.apache.hadoop.fs.Path")
            .getConstructor(String.class)
            .newInstance(dir.resolve("host.parquet").toUri().toString());
    Object schema =
        call(
            loader.loadClass("org.apache.parquet.schema.MessageTypeParser"),
            "parseMessageType",
            "message host { required int64 id; required binary name (UTF8); }");
    Object builder =
        call(
            loader.loadClass("org.apache.parquet.hadoop.example.ExampleParquetWriter"),
            "builder",
            path);
    builder = call(call(builder, "withType", schema), "withConf", conf);
    Object writer = call(builder, "build");
    assertEquals("parquet-hadoop-1.15.2.jar", jarOf(writer.getClass()));
    Object groups =
        loader
            .loadClass("org.apache.parquet.example.data.simple.SimpleGroupFactory")
            .getConstructor(schema.getClass())
            .newInstance(schema);
    for (long id = 0; id < 3; id++) {
      Object group = call(groups, "newGroup");
      call(group, "append", "id", id);
      call(group, "append", "name", "row" + id);
      call(writer, "write", group);
    }
    call(writer, "close");

    Object readSupport =
        loader
            .loadClass("org.apache.parquet.hadoop.example.GroupReadSupport")
            .getConstructor()
            .newInstance();
    Object readerBuilder =
        call(
            loader.loadClass("org.apache.parquet.hadoop.ParquetReader"),
            "builder",
            readSupport,
            path);
    Object reader = call(call(readerBuilder, "withConf", conf), "build");
    List<String> rows = new ArrayList<>();
    for (Object group = call(reader, "read"); group != null; group = call(reader, "read")) {
      rows.add(call(group, "getLong", "id", 0) + ":" + call(group, "getString", "name", 0));
    }
    call(reader, "close");
    return rows;
  }

  private static List<Path> hostJars() throws Exception {
    String folder = System.getProperty(HOST_STACK_PROPERTY);
    assertNotNull(folder, HOST_STACK_PROPERTY + " is not set; run through `mvn verify`");
    List<Path> jars;
    try (Stream<Path> files = Files.list(Path.of(folder))) {
      jars = files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
    }
    List<String> names = jars.stream().map(jar -> jar.getFileName().toString()).toList();
    assertTrue(names.contains("hadoop-client-api-3.4.1.jar"), names.toString());
    assertTrue(names.contains("hadoop-client-runtime-3.4.1.jar"), names.toString());
    assertTrue(names.contains("parquet-hadoop-1.15.2.jar"), names.toString());
    return jars;
  }

  private static String jarOf(Class<?> type) {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().getPath())
        .getFileName()
        .toString();
  }

  /** Calls the public method of that name whose parameters take these arguments. */
  private static Object call(Object target, String name, Object... args) throws Exception {
    boolean isStatic = target instanceof Class<?>;
    Class<?> type = isStatic ? (Class<?>) target : target.getClass();
    for (Method method : type.getMethods()) {
      if (method.getName().equals(name)
          && Modifier.isStatic(method.getModifiers()) == isStatic
          && accepts(method.getParameterTypes(), args)) {
        method.setAccessible(true);
        try {
          return method.invoke(isStatic ? null : target, args);
        } catch (InvocationTargetException e) {
          throw e.getCause() instanceof Exception cause ? cause : e;
        }
      }
    }
    throw new NoSuchMethodException(type.getName() + "." + name + " for " + List.of(args));
  }

  private static boolean accepts(Class<?>[] parameters, Object[] args) {
    if (parameters.length != args.length) {
      return false;
    }
    for (int i = 0; i < args.length; i++) {
      Class<?> parameter =
          parameters[i].isPrimitive()
              ? MethodType.methodType(parameters[i]).wrap().returnType()
              : parameters[i];
      if (!parameter.isInstance(args[i])) {
        return false;
      }
    }
    return true;
  }

  /**
   * A plain URLClassLoader on the platform loader that records the names of the classes it defines.
   */
  private static final class RecordingLoader extends URLClassLoader {
    final Set<String> defined = ConcurrentHashMap.newKeySet();

    RecordingLoader(URL[] urls) {
      super("hadoop-host", urls, ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      Class<?> type = super.findClass(name);
      defined.add(name);
      return type;
    }
  }
}
