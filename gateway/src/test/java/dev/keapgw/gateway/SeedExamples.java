package dev.keapgw.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The examples of Maton's Keap document (test resource {@code seed/maton-keap.txt}): its Python
 * snippets, and its REST examples ({@code METHOD /keap/... [JSON body]}) by heading. The
 * captured document has each snippet on one line; statements are split again where the
 * snippets' own statements begin.
 */
final class SeedExamples {
  /** A REST example: its heading, method, path and JSON body (null when none). */
  record Rest(String heading, String method, String path, String body) {}

  private static final Pattern PYTHON =
      Pattern.compile("```bash (?:# [^`]*? )?python <<'EOF' (.*?) EOF ```", Pattern.DOTALL);
  private static final Pattern REST = Pattern.compile(
      "#### ([^\\n]+)\\n```bash (GET|POST|PATCH|DELETE) (/keap/\\S+)(?: Content-Type: application/json\\n(.*?))? ```",
      Pattern.DOTALL);
  private static final Pattern STATEMENT =
      Pattern.compile(" (?=(?:req = |req\\.add_header\\(|print\\(|data = ))");

  private final String text;

  SeedExamples() {
    try (InputStream in = SeedExamples.class.getResourceAsStream("/seed/maton-keap.txt")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every Python snippet, as runnable code (one statement a line), in document order. */
  List<String> python() {
    List<String> out = new ArrayList<>();
    Matcher m = PYTHON.matcher(text);
    while (m.find()) {
      out.add(STATEMENT.matcher(m.group(1).trim()).replaceAll("\n") + "\n");
    }
    return out;
  }

  /** The one Python snippet that contains {@code marker}. */
  String python(String marker) {
    List<String> found = python().stream().filter(p -> p.contains(marker)).toList();
    if (found.size() != 1) {
      throw new AssertionError(found.size() + " snippets contain " + marker);
    }
    return found.get(0);
  }

  /** The REST examples by heading ("Create Contact", "Apply Tags to Contacts", ...). */
  Map<String, Rest> rest() {
    Map<String, Rest> out = new LinkedHashMap<>();
    Matcher m = REST.matcher(text);
    while (m.find()) {
      String body = m.group(4) == null ? null : m.group(4).trim();
      out.put(m.group(1).trim(), new Rest(m.group(1).trim(), m.group(2), m.group(3), body));
    }
    return out;
  }
}
