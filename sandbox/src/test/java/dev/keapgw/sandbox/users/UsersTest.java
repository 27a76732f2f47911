package dev.keapgw.sandbox.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.sandbox.Sandbox;
import dev.keapgw.sandbox.SandboxFixture;
import dev.keapgw.sandbox.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UsersTest {
  @RegisterExtension
  static final SandboxFixture FIX = new SandboxFixture();

  @Test
  void listsSeededUsersWithinPageSizeBounds() {
    TestHttp.Reply r = FIX.api().get("/users?page_size=2");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("users")).hasSize(2);
    assertThat(r.json().get("next_page_token").asText()).isNotEmpty();
    assertThat(FIX.api().get("/users?page_size=0").status()).isEqualTo(400);
    assertThat(FIX.api()
            .get("/users?page_size=101")
            .json()
            .at("/details/0/resource")
            .asText())
        .isEqualTo("page_size");
  }

  @Test
  void getsOneUserAnd404sAnUnknownOne() {
    assertThat(FIX.api().get("/users/2").json().get("given_name").asText()).isEqualTo("Grace");
    assertThat(FIX.api().get("/users/99").status()).isEqualTo(404);
  }

  @Test
  void userInfoAnswersForTheGrantingUserAndTenant() {
    TestHttp.Reply r = FIX.api().get("/oauth/connect/userinfo");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("sub").asText()).isEqualTo("1");
    assertThat(r.json().get("tenant_id").asText()).isEqualTo(Sandbox.tenantId(1));
    assertThat(r.json().get("is_admin").asBoolean()).isTrue();
  }

  @Test
  void filtersByEmailThroughTheIndex() {
    String email =
        FIX.api().get("/users/3").json().at("/email_addresses/0/email").asText();
    TestHttp.Reply r = FIX.api().get("/users?filter=email%3D%3D" + email.toUpperCase());
    assertThat(r.json().get("users")).hasSize(1);
    assertThat(r.json().at("/users/0/id").asText()).isEqualTo("3");
  }
}
