package dev.keapgw.gateway.crypto;

import dev.keapgw.gateway.config.EncryptionKeys;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets at rest with AES-256-GCM: a fresh 96-bit nonce per write, and the key id
 * stored beside the ciphertext as {@code v1.<key id>.<base64 nonce+ciphertext+tag>} so keys
 * can rotate. The associated data binds a ciphertext to where it belongs (for example the
 * connection id and column), so a value copied to another row does not decrypt.
 */
public final class SecretBox {
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private final EncryptionKeys keys;
  private final SecureRandom random = new SecureRandom();

  public SecretBox(EncryptionKeys keys) {
    this.keys = keys;
  }

  public String seal(String plaintext, String associatedData) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(keys.primary(), "AES"),
          new GCMParameterSpec(TAG_BITS, nonce));
      c.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
      byte[] ct = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[nonce.length + ct.length];
      System.arraycopy(nonce, 0, out, 0, nonce.length);
      System.arraycopy(ct, 0, out, nonce.length, ct.length);
      return "v1." + keys.primaryId() + "." + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  public String open(String sealed, String associatedData) {
    String[] parts = sealed.split("\\.", 3);
    if (parts.length != 3 || !parts[0].equals("v1")) {
      throw new CryptoException("not a sealed value");
    }
    byte[] key = keys.byId(parts[1]);
    if (key == null) {
      throw new CryptoException("sealed with key " + parts[1] + ", which is not configured");
    }
    try {
      byte[] all = Base64.getDecoder().decode(parts[2]);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(key, "AES"),
          new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
      c.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
      return new String(
          c.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new CryptoException("a sealed value does not decrypt (wrong key or tampered)");
    }
  }

  /** The key id a sealed value was written with. */
  /**
   * The associated data that binds a value sealed in a connection's row to that row and column
   * ({@code access}, {@code refresh}, {@code session}): a sealed value copied to another row or
   * column does not open.
   */
  public static String connectionColumn(String connectionId, String column) {
    return "connection:" + connectionId + ":" + column;
  }

  /** The associated data that binds a trigger destination's sealed signing secret to that destination. */
  public static String destinationSecret(String destinationId) {
    return "destination:" + destinationId + ":secret";
  }

  public static String keyIdOf(String sealed) {
    String[] parts = sealed.split("\\.", 3);
    return parts.length == 3 ? parts[1] : null;
  }

  /** Decryption failed: a missing key, or data that was altered. Never carries the secret. */
  public static final class CryptoException extends RuntimeException {
    public CryptoException(String message) {
      super(message);
    }
  }
}
