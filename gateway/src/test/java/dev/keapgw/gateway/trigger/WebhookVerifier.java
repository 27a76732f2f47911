package dev.keapgw.gateway.trigger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's check of a Standard Webhooks signature, written from the specification alone
 * (no gateway code): the secret is {@code whsec_} plus base64 key bytes; the signed content is
 * {@code msg_id.timestamp.payload}; the header holds space-separated {@code v1,<base64>}
 * entries, any of which may match; the timestamp must be within five minutes of now.
 */
public final class WebhookVerifier {
  private WebhookVerifier() {}

  /** Whether the message is authentic; {@code now} stands for the receiver's clock. */
  public static boolean verify(
      String secret,
      String msgId,
      String timestamp,
      String signatureHeader,
      byte[] payload,
      Instant now) {
    if (secret == null || msgId == null || timestamp == null || signatureHeader == null) {
      return false;
    }
    long ts;
    try {
      ts = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      return false;
    }
    if (Math.abs(now.getEpochSecond() - ts) > 300) {
      return false;
    }
    byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
    byte[] expected;
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] prefix = (msgId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
      byte[] content = new byte[prefix.length + payload.length];
      System.arraycopy(prefix, 0, content, 0, prefix.length);
      System.arraycopy(payload, 0, content, prefix.length, payload.length);
      expected = hmac.doFinal(content);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    for (String entry : signatureHeader.split(" ")) {
      int comma = entry.indexOf(',');
      if (comma < 0 || !entry.substring(0, comma).equals("v1")) {
        continue;
      }
      byte[] given;
      try {
        given = Base64.getDecoder().decode(entry.substring(comma + 1));
      } catch (IllegalArgumentException e) {
        continue;
      }
      if (MessageDigest.isEqual(expected, given)) {
        return true;
      }
    }
    return false;
  }
}
