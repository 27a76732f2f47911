package dev.keapgw.gateway.prove;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The secrets a test knows, by what they are ("api key", "access token", ...), and a search for
 * them in any text: as they are and URL-encoded (a base64 key's {@code +/=} change form there).
 * Thread-safe: secrets may be added while other threads search.
 */
final class SecretLedger {
  private final Map<String, String> secrets = new ConcurrentHashMap<>();

  /** Records a secret; values shorter than 12 characters would match by chance and are refused. */
  SecretLedger add(String what, String value) {
    if (value == null || value.length() < 12) {
      throw new IllegalArgumentException(
          what + " is too short to search for: " + (value == null ? 0 : value.length()));
    }
    secrets.putIfAbsent(value, what);
    return this;
  }

  int size() {
    return secrets.size();
  }

  /** Every value recorded as {@code what}. */
  List<String> values(String what) {
    return secrets.entrySet().stream()
        .filter(e -> e.getValue().equals(what))
        .map(Map.Entry::getKey)
        .toList();
  }

  /** What kinds of secret appear in {@code text} (empty when none), each once. */
  List<String> foundIn(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    Map<String, Boolean> found = new LinkedHashMap<>();
    secrets.forEach((value, what) -> {
      if (text.contains(value) || text.contains(URLEncoder.encode(value, StandardCharsets.UTF_8))) {
        found.put(what, true);
      }
    });
    return new ArrayList<>(found.keySet());
  }
}
