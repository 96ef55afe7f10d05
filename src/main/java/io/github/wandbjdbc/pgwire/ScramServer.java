package io.github.wandbjdbc.pgwire;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server side of SCRAM-SHA-256 (RFC 5802, RFC 7677) as PostgreSQL uses it: the user name in the
 * client's first message is ignored, no channel binding. One instance per authentication.
 */
final class ScramServer {
  static final String MECHANISM = "SCRAM-SHA-256";
  static final int ITERATIONS = 4096;

  private final char[] password;
  private final byte[] salt;
  private final String serverNonce;
  private final int iterations;
  private String clientFirstBare;
  private String serverFirst;
  private String nonce;

  ScramServer(char[] password, byte[] salt, String serverNonce, int iterations) {
    this.password = password.clone();
    this.salt = salt.clone();
    this.serverNonce = serverNonce;
    this.iterations = iterations;
  }

  /** With a random salt and nonce, as each real authentication has. */
  static ScramServer forPassword(char[] password) {
    SecureRandom random = new SecureRandom();
    byte[] salt = new byte[16];
    random.nextBytes(salt);
    byte[] nonce = new byte[18];
    random.nextBytes(nonce);
    return new ScramServer(password, salt, Base64.getEncoder().encodeToString(nonce), ITERATIONS);
  }

  /** Reads client-first-message, returns server-first-message. */
  String serverFirst(String clientFirst) throws PgProtocolException {
    if (clientFirst.startsWith("p=")) {
      throw failure("channel binding is not supported");
    }
    if (!clientFirst.startsWith("n,,") && !clientFirst.startsWith("y,,")) {
      throw failure("malformed SCRAM message (gs2 header)");
    }
    clientFirstBare = clientFirst.substring(3);
    String clientNonce = attributes(clientFirstBare).get("r");
    if (clientNonce == null || clientNonce.isEmpty()) {
      throw failure("malformed SCRAM message (no nonce)");
    }
    nonce = clientNonce + serverNonce;
    serverFirst =
        "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(salt) + ",i=" + iterations;
    return serverFirst;
  }

  /**
   * Reads client-final-message; returns server-final-message when the proof shows the client knows
   * the password, else throws.
   */
  String serverFinal(String clientFinal) throws PgProtocolException {
    int proofAt = clientFinal.lastIndexOf(",p=");
    if (serverFirst == null || proofAt < 0) {
      throw failure("malformed SCRAM message (no proof)");
    }
    Map<String, String> attributes = attributes(clientFinal);
    if (!nonce.equals(attributes.get("r"))) {
      throw failure("SCRAM nonce mismatch");
    }
    String authMessage =
        clientFirstBare + "," + serverFirst + "," + clientFinal.substring(0, proofAt);
    try {
      byte[] saltedPassword = saltedPassword();
      byte[] clientKey = hmac(saltedPassword, "Client Key");
      byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(clientKey);
      byte[] clientSignature = hmac(storedKey, authMessage);
      byte[] proof = Base64.getDecoder().decode(attributes.get("p"));
      if (proof.length != clientSignature.length) {
        throw failure("password authentication failed");
      }
      byte[] candidateKey = new byte[proof.length];
      for (int i = 0; i < proof.length; i++) {
        candidateKey[i] = (byte) (proof[i] ^ clientSignature[i]);
      }
      if (!MessageDigest.isEqual(
          storedKey, MessageDigest.getInstance("SHA-256").digest(candidateKey))) {
        throw failure("password authentication failed");
      }
      byte[] serverSignature = hmac(hmac(saltedPassword, "Server Key"), authMessage);
      return "v=" + Base64.getEncoder().encodeToString(serverSignature);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw failure("malformed SCRAM message");
    }
  }

  private byte[] saltedPassword() throws GeneralSecurityException {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
    return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
  }

  private static byte[] hmac(byte[] key, String text) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, String> attributes(String message) {
    Map<String, String> attributes = new HashMap<>();
    for (String part : message.split(",")) {
      if (part.length() >= 2 && part.charAt(1) == '=') {
        attributes.put(part.substring(0, 1), part.substring(2));
      }
    }
    return attributes;
  }

  private static PgProtocolException failure(String message) {
    return new PgProtocolException("28P01", message);
  }
}
