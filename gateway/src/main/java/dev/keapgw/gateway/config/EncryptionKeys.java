package dev.keapgw.gateway.config;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The AES-256 keys tokens are encrypted with, by key id. New writes use the primary; the
 * others only decrypt what was written before a rotation.
 */
public final class EncryptionKeys {
  private final String primaryId;
  private final Map<String, byte[]> keys;

  private EncryptionKeys(String primaryId, Map<String, byte[]> keys) {
    this.primaryId = primaryId;
    this.keys = keys;
  }

  /** One key, given as 32 bytes in base64; its id is derived from the key itself. */
  public static EncryptionKeys single(String base64) {
    byte[] key = decode(base64);
    String id = keyId(key);
    Map<String, byte[]> m = new LinkedHashMap<>();
    m.put(id, key);
    return new EncryptionKeys(id, m);
  }

  public static byte[] decode(String base64) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the encryption key is not valid base64");
    }
    if (key.length != 32) {
      throw new IllegalArgumentException(
          "the encryption key must be 32 bytes (AES-256), got " + key.length + "; make one with `openssl rand -base64 32`");
    }
    return key;
  }

  /** A short public id for a key: the first 8 hex digits of its SHA-256, never the key itself. */
  public static String keyId(byte[] key) {
    try {
      byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(key);
      return java.util.HexFormat.of().formatHex(d, 0, 4);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public String primaryId() {
    return primaryId;
  }

  public byte[] primary() {
    return keys.get(primaryId);
  }

  /** The key with this id, or null when it is not configured. */
  public byte[] byId(String id) {
    return keys.get(id);
  }

  @Override
  public String toString() {
    return "EncryptionKeys[primary=" + primaryId + ", ids=" + keys.keySet() + "]";
  }
}
