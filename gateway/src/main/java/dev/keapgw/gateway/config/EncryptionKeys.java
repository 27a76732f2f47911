package dev.keapgw.gateway.config;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The AES-256 keys tokens are encrypted with, by key id. New writes use the primary; the
 * others only decrypt what was written before a rotation. A key's id is derived from the key
 * itself, so configuring keys needs no ids: rotate by making the new key primary, keeping the
 * old one among the others, re-encrypting ({@code KeyRotation}), then dropping the old one.
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

  /**
   * A primary key and older ones that are kept only to decrypt, each 32 bytes in base64. An
   * old key equal to the primary is ignored.
   */
  public static EncryptionKeys of(String primaryBase64, List<String> oldBase64) {
    byte[] primary = decode(primaryBase64);
    String primaryId = keyId(primary);
    Map<String, byte[]> m = new LinkedHashMap<>();
    m.put(primaryId, primary);
    for (String old : oldBase64) {
      byte[] k = decode(old);
      m.putIfAbsent(keyId(k), k);
    }
    return new EncryptionKeys(primaryId, m);
  }

  /**
   * Keys written as text, one per line or separated by commas (a key file, or an environment
   * variable): the first is the primary, the rest are old keys. Blank lines and lines starting
   * with {@code #} are skipped.
   */
  public static EncryptionKeys parse(String text) {
    List<String> keys = splitKeys(text);
    if (keys.isEmpty()) {
      throw new IllegalArgumentException(
          "no encryption key given; make one with `openssl rand -base64 32`");
    }
    return of(keys.get(0), keys.subList(1, keys.size()));
  }

  /** Base64 keys in text: one per line or comma-separated, without blanks and {@code #} comments. */
  public static List<String> splitKeys(String text) {
    List<String> out = new ArrayList<>();
    for (String line : text.split("\\R")) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      for (String part : t.split(",")) {
        if (!part.isBlank()) {
          out.add(part.strip());
        }
      }
    }
    return out;
  }

  public static byte[] decode(String base64) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the encryption key is not valid base64");
    }
    if (key.length != 32) {
      throw new IllegalArgumentException("the encryption key must be 32 bytes (AES-256), got "
          + key.length + "; make one with `openssl rand -base64 32`");
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

  /** The ids of every configured key, the primary first. */
  public Set<String> ids() {
    return java.util.Collections.unmodifiableSet(keys.keySet());
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
