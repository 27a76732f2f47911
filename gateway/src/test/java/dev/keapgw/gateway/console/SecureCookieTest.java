package dev.keapgw.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.gateway.GatewayFixture;
import dev.keapgw.sandbox.TestHttp;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Behind an https public URL (TLS ended by a proxy in front), the session cookie is Secure. */
class SecureCookieTest {
  @RegisterExtension
  static final GatewayFixture FIX =
      new GatewayFixture(s -> s, g -> g.withPublicUrl(URI.create("https://gw.example")));

  @Test
  void theSessionCookieIsSecureWhenThePublicUrlIsHttps() {
    String key = FIX.newAccount("tls").key().secret();
    ConsoleClient c = new ConsoleClient(FIX.gateway().baseUrl());
    TestHttp.Reply r = c.http(java.util.Map.of("Origin", "https://gw.example"))
        .send(
            "POST",
            "/console/api/session",
            "application/json",
            "{\"api_key\":" + ConsoleClient.quote(key) + "}");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Set-Cookie"))
        .contains("Secure")
        .containsIgnoringCase("HttpOnly")
        .contains("SameSite=Strict");
  }
}
