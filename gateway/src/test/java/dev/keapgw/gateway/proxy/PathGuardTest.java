package dev.keapgw.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/** The path guard against a plain statement of its rules, on paths made of the awkward characters. */
@Tag("unit")
class PathGuardTest {
  /** The rules written the obvious way (lower-case, split): what the one-pass guard must agree with. */
  static String reference(String rawPath) {
    if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
      return PathGuard.NOT_ABSOLUTE;
    }
    if (rawPath.length() > 8192) {
      return PathGuard.TOO_LONG;
    }
    String lower = rawPath.toLowerCase(Locale.ROOT);
    if (lower.contains("%2f")
        || lower.contains("%5c")
        || lower.contains("\\")
        || lower.contains("%2e")) {
      return PathGuard.ENCODED;
    }
    for (int i = 0; i < rawPath.length(); i++) {
      char c = rawPath.charAt(i);
      if (c < 0x21 || c == 0x7f) {
        return PathGuard.CONTROL;
      }
    }
    String[] segments = rawPath.substring(1).split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String seg = segments[i];
      boolean trailing = i == segments.length - 1 && i > 0;
      if ((seg.isEmpty() && !trailing) || seg.equals(".") || seg.equals("..")) {
        return PathGuard.SEGMENT;
      }
    }
    return null;
  }

  @Test
  void agreesWithThePlainRulesOnAwkwardPaths() {
    String alphabet = "//..%%25cCeEfFa \t\u007f\\\u00e9\u0130";
    qt().withExamples(20_000).forAll(SourceDSL.integers().all()).checkAssert(seed -> {
      java.util.Random r = new java.util.Random(seed);
      StringBuilder b = new StringBuilder(r.nextInt(8) == 0 ? "" : "/");
      int len = r.nextInt(14);
      for (int i = 0; i < len; i++) {
        b.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      String p = b.toString();
      assertThat(PathGuard.problem(p)).as(p).isEqualTo(reference(p));
    });
  }

  @Test
  void keapPathsPassAndTheClassicTricksDoNot() {
    assertThat(PathGuard.problem("/keap/crm/rest/v2/contacts")).isNull();
    assertThat(PathGuard.problem("/keap/crm/rest/v2/contacts/")).isNull();
    assertThat(PathGuard.problem("/keap/crm/rest/v2/contacts/12:applyTags")).isNull();
    assertThat(PathGuard.problem("/keap/crm/../admin")).isEqualTo(PathGuard.SEGMENT);
    assertThat(PathGuard.problem("/keap//crm")).isEqualTo(PathGuard.SEGMENT);
    assertThat(PathGuard.problem("/")).isEqualTo(PathGuard.SEGMENT);
    assertThat(PathGuard.problem("/keap/%2E%2e/admin")).isEqualTo(PathGuard.ENCODED);
    assertThat(PathGuard.problem("/keap/a%2Fb")).isEqualTo(PathGuard.ENCODED);
    assertThat(PathGuard.problem("/keap/a%5cb")).isEqualTo(PathGuard.ENCODED);
    assertThat(PathGuard.problem("/keap/a\\b")).isEqualTo(PathGuard.ENCODED);
    assertThat(PathGuard.problem("/keap/a b")).isEqualTo(PathGuard.CONTROL);
    assertThat(PathGuard.problem("keap/a")).isEqualTo(PathGuard.NOT_ABSOLUTE);
    assertThat(PathGuard.problem("/" + "a".repeat(8200))).isEqualTo(PathGuard.TOO_LONG);
  }
}
