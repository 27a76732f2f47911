package dev.keapgw.sandbox.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("unit")
class RedirectUrisTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://localhost:8080/cb",
        "http://127.0.0.1/cb",
        "http://127.1.2.3:9/x?y=1",
        "http://[::1]:8080/cb",
        "https://app.example.com/oauth/callback"
      })
  void acceptsHttpsAnywhereAndHttpOnLoopback(String uri) {
    assertThat(RedirectUris.check(uri)).isEqualTo(uri);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://app.example.com/cb",
        "http://127.0.0.1.evil.example/cb",
        "https://app.example.com/cb#x",
        "/relative/cb",
        "javascript:alert(1)",
        "ftp://localhost/cb",
        "not a uri",
        ""
      })
  void refusesTheRest(String uri) {
    assertThatThrownBy(() -> RedirectUris.check(uri)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void appendsEncodedParametersToAnExistingQuery() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("code", "a b&c");
    p.put("state", null);
    assertThat(RedirectUris.withParams("http://localhost/cb?app=1", p))
        .isEqualTo("http://localhost/cb?app=1&code=a+b%26c");
    assertThat(RedirectUris.withParams("http://localhost/cb", Map.of("error", "access_denied")))
        .isEqualTo("http://localhost/cb?error=access_denied");
  }

  @Test
  void escapesEverythingHtmlCouldMisread() {
    assertThat(ConsentPage.escape("<a href=\"x\" onclick='y'>&</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  }
}
