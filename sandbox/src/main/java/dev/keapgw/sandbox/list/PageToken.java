package dev.keapgw.sandbox.list;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.http.ApiException;
import dev.keapgw.sandbox.http.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The opaque {@code page_token}: the position after the last row served (its sort key and
 * id) and a digest of the query it belongs to, signed so that a token cannot be edited or
 * used on another list, tenant, filter or order.
 */
public final class PageToken {
  /** A position in a list: rows strictly after (key, id) in the list's order come next. */
  public record Position(Comparable<?> key, long id) {}

  private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DEC = Base64.getUrlDecoder();
  private final byte[] secret;

  public PageToken(byte[] secret) {
    this.secret = secret.clone();
  }

  public String encode(String scope, Position p) {
    ObjectNode o = Json.object();
    o.put("q", digest(scope));
    if (p.key() instanceof Long l) {
      o.put("n", l);
    } else {
      o.put("s", String.valueOf(p.key()));
    }
    o.put("i", p.id());
    String body = ENC.encodeToString(Json.bytes(o));
    return body + "." + sign(body);
  }

  /** Reads a token sent back for {@code scope}; anything else answers 400. */
  public Position decode(String token, String scope, String domain) {
    int dot = token.lastIndexOf('.');
    if (dot <= 0
        || !MessageDigest.isEqual(
            sign(token.substring(0, dot)).getBytes(StandardCharsets.US_ASCII),
            token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
      throw invalid(domain);
    }
    JsonNode o;
    try {
      o = Json.MAPPER.readTree(DEC.decode(token.substring(0, dot)));
    } catch (Exception e) {
      throw invalid(domain);
    }
    if (!digest(scope).equals(o.path("q").asText())) {
      throw ApiException.invalidField(
          domain,
          "page_token",
          "The page_token belongs to another list or query; start again without it");
    }
    Comparable<?> key =
        o.has("n") ? (Comparable<?>) o.get("n").asLong() : o.path("s").asText();
    return new Position(key, o.path("i").asLong());
  }

  private static ApiException invalid(String domain) {
    return ApiException.invalidField(domain, "page_token", "Invalid page_token");
  }

  private String sign(String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      byte[] full = mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
      return ENC.encodeToString(java.util.Arrays.copyOf(full, 12));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String digest(String scope) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256").digest(scope.getBytes(StandardCharsets.UTF_8));
      return ENC.encodeToString(java.util.Arrays.copyOf(d, 9));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
