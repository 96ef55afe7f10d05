package io.github.wandbjdbc.client.histories;

import org.apache.parquet.compression.CompressionCodecFactory;

/** The driver's pure-Java parquet codecs, for test code outside this package. */
public final class ExportCodecsForTests {
  private ExportCodecsForTests() {}

  public static CompressionCodecFactory codecs() {
    return new ExportCodecs();
  }
}
