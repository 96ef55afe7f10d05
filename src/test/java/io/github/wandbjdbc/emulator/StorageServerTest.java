package io.github.wandbjdbc.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The file storage server: signed URLs, HEAD and range reads, faults, latency and counters. */
class StorageServerTest {
  private WandbEmulator emulator;
  private StorageHttp http;
  private String url;
  private byte[] file;

  /** The GraphQL rate limit (1 request a second) must not touch the many file requests here. */
  @BeforeEach
  void start() {
    emulator =
        WandbEmulator.start(
            EmulatorConfig.defaults().withExports(ExportMode.FINISHED).withRateLimitPerSecond(1),
            TestData.dataset(List.of(TestData.run("done", 0, TestData.steps(50)))));
    http = new StorageHttp(emulator);
    url = StorageHttp.urls(http.parquetHistory("demo", "done")).get(0);
    file = http.get(url);
    emulator.stats().reset();
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void urlsAreSignedAndPointToTheStorageServer() {
    assertTrue(
        url.startsWith(
            emulator.storageBaseUrl() + "/exports/acme/demo/done/g1/0.parquet?X-Expires="),
        url);
    assertNotEquals(emulator.baseUrl(), emulator.storageBaseUrl());
    assertEquals("PAR1", new String(file, 0, 4, StandardCharsets.US_ASCII));
    String unsigned = url.substring(0, url.indexOf('?'));
    assertForbidden(http.send("GET", unsigned), "AccessDenied");
    assertForbidden(
        http.send("GET", url.replace("X-Signature=", "X-Signature=0")), "SignatureDoesNotMatch");
    assertForbidden(
        http.send("GET", url.replace("/0.parquet", "/1.parquet")), "SignatureDoesNotMatch");
    long expires = Long.parseLong(url.replaceAll(".*X-Expires=(\\d+).*", "$1"));
    assertForbidden(
        http.send("GET", url.replace("X-Expires=" + expires, "X-Expires=" + (expires + 1))),
        "SignatureDoesNotMatch");
    assertEquals(405, http.send("DELETE", url).statusCode());
  }

  @Test
  void urlsExpire() throws InterruptedException {
    try (WandbEmulator shortLived =
        WandbEmulator.start(
            EmulatorConfig.defaults().withExports(ExportMode.FINISHED).withFileUrlTtlMs(0),
            TestData.dataset(List.of(TestData.run("done", 0, TestData.steps(5)))))) {
      StorageHttp storage = new StorageHttp(shortLived);
      String expired = StorageHttp.urls(storage.parquetHistory("demo", "done")).get(0);
      Thread.sleep(5);
      HttpResponse<byte[]> response = storage.send("GET", expired);
      assertForbidden(response, "AccessDenied");
      assertTrue(
          new String(response.body(), StandardCharsets.UTF_8).contains("Request has expired"));
    }
  }

  @Test
  void headAndRangeReads() {
    HttpResponse<byte[]> head = http.send("HEAD", url);
    assertEquals(200, head.statusCode());
    assertEquals(
        String.valueOf(file.length), head.headers().firstValue("Content-Length").orElseThrow());
    assertEquals("bytes", head.headers().firstValue("Accept-Ranges").orElseThrow());
    assertEquals(0, head.body().length);

    assertRange("bytes=4-11", 4, 11);
    assertRange("bytes=10-", 10, file.length - 1);
    assertRange("bytes=-8", file.length - 8, file.length - 1);
    assertRange("bytes=-100000", 0, file.length - 1);
    assertRange("bytes=0-100000", 0, file.length - 1);
    assertEquals(200, http.send("GET", url, "Range", "bytes=0-1,4-5").statusCode());
    HttpResponse<byte[]> unsatisfiable =
        http.send("GET", url, "Range", "bytes=" + file.length + "-");
    assertEquals(416, unsatisfiable.statusCode());
    assertEquals(
        "bytes */" + file.length,
        unsatisfiable.headers().firstValue("Content-Range").orElseThrow());
    assertEquals(416, http.send("GET", url, "Range", "bytes=-0").statusCode());
  }

  private void assertRange(String range, int first, int last) {
    HttpResponse<byte[]> response = http.send("GET", url, "Range", range);
    assertEquals(206, response.statusCode(), range);
    assertEquals(
        "bytes " + first + "-" + last + "/" + file.length,
        response.headers().firstValue("Content-Range").orElseThrow());
    assertArrayEquals(Arrays.copyOfRange(file, first, last + 1), response.body(), range);
  }

  @Test
  void scriptedFaults() {
    emulator.fileFaults().failNext(2, FileFault.status(503));
    emulator
        .fileFaults()
        .enqueue(FileFault.expiredUrl(), FileFault.truncated(), FileFault.truncated());
    assertEquals(503, http.send("GET", url).statusCode());
    assertEquals(503, http.send("HEAD", url).statusCode());
    assertForbidden(http.send("GET", url), "AccessDenied");
    assertThrows(UncheckedIOException.class, () -> http.send("GET", url));
    assertEquals(200, http.send("HEAD", url).statusCode());
    assertArrayEquals(file, http.get(url));
    List<FileRequest> recorded = emulator.stats().files().recorded();
    assertEquals(
        List.of(503, 503, 403, 200, 200, 200), recorded.stream().map(FileRequest::status).toList());
    assertEquals(file.length / 2, recorded.get(3).bytes());
  }

  @Test
  void countersAreKeptApartFromGraphQl() {
    http.send("HEAD", url);
    http.send("GET", url, "Range", "bytes=-8");
    http.send("GET", url, "Authorization", EmulatorHttp.basicAuth(emulator.apiKey()));
    FileStats files = emulator.stats().files();
    assertEquals(3, files.requests());
    assertEquals(8 + file.length, files.bytesSent());
    assertEquals(1, files.authorizedRequests());
    assertEquals(0, emulator.stats().requests());
    assertEquals(
        List.of(
            new FileRequest("HEAD", "/exports/acme/demo/done/g1/0.parquet", null, 200, 0, false),
            new FileRequest(
                "GET", "/exports/acme/demo/done/g1/0.parquet", "bytes=-8", 206, 8, false),
            new FileRequest(
                "GET", "/exports/acme/demo/done/g1/0.parquet", null, 200, file.length, true)),
        files.recorded());
    JsonNode served = new EmulatorHttp(emulator).get("/_emulator/stats").json().get("files");
    assertEquals(3, served.get("requests").asLong());
    assertEquals(8 + file.length, served.get("bytesSent").asLong());
    assertEquals(1, served.get("authorizedRequests").asLong());
    emulator.stats().reset();
    assertEquals(List.of(), files.recorded());
    assertFalse(files.authorizedRequests() > 0);
  }

  @Test
  void fileLatencyIsAddedToEveryFileRequest() {
    try (WandbEmulator slow =
        WandbEmulator.start(
            EmulatorConfig.defaults().withExports(ExportMode.FINISHED).withFileLatencyMs(150),
            TestData.dataset(List.of(TestData.run("done", 0, TestData.steps(5)))))) {
      StorageHttp storage = new StorageHttp(slow);
      String slowUrl = StorageHttp.urls(storage.parquetHistory("demo", "done")).get(0);
      long start = System.nanoTime();
      assertEquals(200, storage.send("HEAD", slowUrl).statusCode());
      assertTrue(System.nanoTime() - start >= 150_000_000L);
    }
  }

  private static void assertForbidden(HttpResponse<byte[]> response, String code) {
    assertEquals(403, response.statusCode());
    assertEquals("application/xml", response.headers().firstValue("Content-Type").orElseThrow());
    assertTrue(
        new String(response.body(), StandardCharsets.UTF_8).contains("<Code>" + code + "</Code>"));
  }
}
