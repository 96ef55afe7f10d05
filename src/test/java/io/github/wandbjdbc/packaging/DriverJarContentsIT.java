package io.github.wandbjdbc.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every entry of the shaded jar is one we meant to ship, under the name we meant. */
class DriverJarContentsIT {
  /** Packages and resources shipped under their own names; everything else is relocated. */
  private static final List<String> ALLOWED_PREFIXES =
      List.of(
          // Our driver, and every relocated library under io/github/wandbjdbc/shaded/.
          "io/github/wandbjdbc/",
          // Calcite, linq4j and Avatica: generated code and Janino name these classes.
          "org/apache/calcite/",
          // Janino and commons-compiler: Calcite compiles its generated code with them.
          "org/codehaus/",
          // JTS and proj4j: Calcite's GEOMETRY type and spatial functions.
          "org/locationtech/",
          // commons-math3 data files, read by absolute resource name.
          "assets/org/apache/commons/math3/",
          // httpclient5's public suffix list (Avatica's HTTP client), read by absolute resource
          // name.
          "org/publicsuffix/list/",
          // sqlline, the command line's interactive shell: its package and resources.
          "sqlline/",
          // The JSON schema validator under the MCP server: its meta-schemas and messages, read
          // by absolute resource name.
          "draft/",
          "draft-04/",
          "draft-06/",
          "draft-07/",
          "jsv-messages",
          // its Unicode tables for IDN formats, and the ITU date parser's leap seconds.
          "ucd/",
          "leap_second_dates.csv",
          "THIRD-PARTY.txt");

  /** META-INF files we ship: services, the manifest, and the bundled libraries' legal files. */
  private static final List<String> ALLOWED_META_INF =
      List.of(
          "META-INF/MANIFEST.MF",
          "META-INF/services/java.sql.Driver",
          // The Spark connector's short name, format("wandb"); read only by Spark.
          "META-INF/services/org.apache.spark.sql.sources.DataSourceRegister",
          "META-INF/services/org.codehaus.commons.compiler.ICompilerFactory",
          "META-INF/services/io.github.wandbjdbc.shaded.com.fasterxml.jackson.core.JsonFactory",
          "META-INF/services/io.github.wandbjdbc.shaded.com.fasterxml.jackson.core.ObjectCodec",
          // parquet-jackson, parquet-java's own Jackson copy, registers under relocated names too.
          "META-INF/services/io.github.wandbjdbc.shaded.shaded.parquet.com.fasterxml.jackson.core"
              + ".JsonFactory",
          "META-INF/services/io.github.wandbjdbc.shaded.shaded.parquet.com.fasterxml.jackson.core"
              + ".ObjectCodec",
          // The MCP SDK's JSON binding and schema validator, Jetty's header encoders: relocated.
          "META-INF/services/io.github.wandbjdbc.shaded.io.modelcontextprotocol.json"
              + ".McpJsonMapperSupplier",
          "META-INF/services/io.github.wandbjdbc.shaded.io.modelcontextprotocol.json.schema"
              + ".JsonSchemaValidatorSupplier",
          "META-INF/services/io.github.wandbjdbc.shaded.org.eclipse.jetty.http.HttpFieldPreEncoder",
          "META-INF/LICENSE",
          "META-INF/LICENSE.txt",
          "META-INF/NOTICE",
          "META-INF/DEPENDENCIES",
          "META-INF/README.txt",
          "META-INF/thirdparty-LICENSE",
          "META-INF/FastDoubleParser-LICENSE",
          "META-INF/FastDoubleParser-NOTICE",
          "META-INF/FastDoubleParser-ThirdParty-LICENSE",
          "META-INF/Schubfach-LICENSE",
          // sqlline's banner reads its version here.
          "META-INF/maven/sqlline/sqlline/pom.properties");

  /** Libraries that clash with a host's copies; they may appear only relocated. */
  private static final List<String> FORBIDDEN_TOP_LEVEL =
      List.of(
          "com/fasterxml/",
          "okhttp3/",
          "okio/",
          "kotlin/",
          "com/google/",
          "org/apache/commons/",
          "org/apache/hc/",
          "com/jayway/",
          "net/minidev/",
          "org/yaml/",
          "org/objectweb/",
          "org/jline/",
          // slf4j, with its bundled no-op binding: Calcite's logging stays private and silent.
          "org/slf4j/",
          // The history exports' reader: parquet-java, its thrift and Jackson copies
          // (shaded/parquet),
          // parquet-floor's Hadoop shim and the pure-Java codecs. A Spark executor or any Hadoop
          // host has its own parquet-java and Hadoop, which must stay theirs.
          "org/apache/parquet/",
          "org/apache/hadoop/",
          "shaded/parquet/",
          "blue/strategic/",
          "io/airlift/",
          // The MCP server's SDK, reactor, schema validator, Jetty and servlet API.
          "io/modelcontextprotocol/",
          "reactor/",
          "org/reactivestreams/",
          "com/networknt/",
          "com/ethlo/",
          "org/eclipse/jetty/",
          "jakarta/servlet/");

  /**
   * Packages of service interfaces and providers that must not be registered under their original
   * names: a host's ServiceLoader would find the driver's (relocated, incompatible) copies.
   */
  private static final List<String> CLASH_PRONE_SERVICE_PACKAGES =
      List.of(
          "org.apache.parquet.",
          "org.apache.hadoop.",
          "shaded.parquet.",
          "blue.strategic.",
          "io.airlift.",
          "com.fasterxml.",
          "org.slf4j.",
          "okhttp3.",
          "io.modelcontextprotocol.",
          "reactor.",
          "org.eclipse.jetty.",
          "io.micrometer.");

  private static JarFile jar;
  private static List<String> names;

  @BeforeAll
  static void open() throws IOException {
    jar = new JarFile(DriverJar.path().toFile());
    names = Collections.list(jar.entries()).stream().map(ZipEntry::getName).toList();
    System.out.printf(
        "driver jar %s: %,d bytes, %,d entries%n",
        DriverJar.path().getFileName(), Files.size(DriverJar.path()), names.size());
  }

  @AfterAll
  static void close() throws IOException {
    jar.close();
  }

  @Test
  void everyEntryIsOnTheAllowlist() {
    List<String> unexpected = new ArrayList<>();
    for (String name : names) {
      if (!allowed(name)) {
        unexpected.add(name);
      }
    }
    assertEquals(List.of(), unexpected);
  }

  @Test
  void clashProneLibrariesAppearOnlyRelocated() {
    for (String forbidden : FORBIDDEN_TOP_LEVEL) {
      assertTrue(names.stream().noneMatch(n -> n.startsWith(forbidden)), forbidden);
      assertTrue(
          names.stream().anyMatch(n -> n.startsWith("io/github/wandbjdbc/shaded/" + forbidden)),
          "relocated " + forbidden);
    }
  }

  @Test
  void noSignaturesModuleDescriptorsOrMultiReleaseCopies() throws IOException {
    assertTrue(names.stream().noneMatch(n -> n.matches("META-INF/[^/]+\\.(SF|DSA|RSA)")));
    assertTrue(names.stream().noneMatch(n -> n.endsWith("module-info.class")));
    assertTrue(names.stream().noneMatch(n -> n.startsWith("META-INF/versions/")));
    assertEquals(null, jar.getManifest().getMainAttributes().getValue("Multi-Release"));
  }

  @Test
  void onlyOurDriverIsRegistered() throws IOException {
    assertEquals(
        List.of("io.github.wandbjdbc.jdbc.WandbDriver"),
        read("META-INF/services/java.sql.Driver")
            .lines()
            .map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .toList());
  }

  /**
   * parquet-java (parquet-jackson) and Jackson register services; in the jar they appear only under
   * relocated interface names, naming relocated providers that are in the jar.
   */
  @Test
  void servicesRegisterOnlyUnderRelocatedOrOwnNames() throws IOException {
    List<String> services =
        names.stream().filter(n -> n.startsWith("META-INF/services/") && !n.endsWith("/")).toList();
    assertTrue(
        services.contains(
            "META-INF/services/io.github.wandbjdbc.shaded.shaded.parquet.com.fasterxml.jackson.core"
                + ".JsonFactory"),
        services.toString());
    for (String service : services) {
      String type = service.substring("META-INF/services/".length());
      assertTrue(
          CLASH_PRONE_SERVICE_PACKAGES.stream().noneMatch(type::startsWith),
          "unrelocated service " + type);
      for (String provider :
          read(service)
              .lines()
              .map(line -> line.replaceFirst("#.*", "").strip())
              .filter(line -> !line.isEmpty())
              .toList()) {
        assertTrue(
            CLASH_PRONE_SERVICE_PACKAGES.stream().noneMatch(provider::startsWith),
            service + " names an unrelocated provider " + provider);
        assertNotNull(
            jar.getEntry(provider.replace('.', '/') + ".class"), service + ": " + provider);
      }
    }
  }

  @Test
  void runtimeDependenciesCalciteNeedsAreAllInside() {
    // Dropping any of these broke plain queries or metadata calls (calcite-notes §2.5).
    for (String type :
        List.of(
            "org/codehaus/janino/CompilerFactory.class",
            "org/locationtech/jts/geom/Geometry.class",
            "io/github/wandbjdbc/shaded/org/apache/hc/core5/util/Timeout.class",
            "io/github/wandbjdbc/shaded/org/apache/commons/math3/fraction/BigFraction.class",
            "io/github/wandbjdbc/shaded/org/apache/commons/codec/binary/Hex.class",
            // The exports' reader: parquet-java, parquet-floor's Hadoop shim, aircompressor.
            "io/github/wandbjdbc/shaded/org/apache/parquet/hadoop/ParquetFileReader.class",
            "io/github/wandbjdbc/shaded/org/apache/hadoop/conf/Configuration.class",
            "io/github/wandbjdbc/shaded/io/airlift/compress/snappy/SnappyDecompressor.class",
            "io/github/wandbjdbc/jdbc/driver.properties")) {
      assertNotNull(jar.getEntry(type), type);
    }
  }

  private static boolean allowed(String name) {
    if (ALLOWED_META_INF.contains(name)) {
      return true;
    }
    if (name.endsWith("/")) { // a directory on the way to an allowed entry
      return ALLOWED_PREFIXES.stream().anyMatch(p -> p.startsWith(name) || name.startsWith(p))
          || ALLOWED_META_INF.stream().anyMatch(file -> file.startsWith(name));
    }
    return !name.startsWith("META-INF/") && ALLOWED_PREFIXES.stream().anyMatch(name::startsWith);
  }

  private static String read(String name) throws IOException {
    try (InputStream in = jar.getInputStream(jar.getEntry(name))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
