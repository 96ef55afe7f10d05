package io.github.wandbjdbc.emulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs file URLs the way cloud storage presigns them: an HMAC of the path and the expiry under a
 * secret of this emulator only, so a URL cannot be forged, altered or kept past its expiry.
 */
final class UrlSigner {
  private static final String ALGORITHM = "HmacSHA256";

  private final byte[] secret = new byte[32];

  UrlSigner() {
    new SecureRandom().nextBytes(secret);
  }

  /** The hex signature of a raw (percent-encoded) path and an expiry in epoch milliseconds. */
  String sign(String rawPath, long expiresMillis) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret, ALGORITHM));
      byte[] signed =
          mac.doFinal((rawPath + "\n" + expiresMillis).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(signed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  boolean verify(String rawPath, long expiresMillis, String signature) {
    byte[] expected = sign(rawPath, expiresMillis).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
  }
}
