package dev.keapgw.sandbox.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.sandbox.SandboxFixture;
import dev.keapgw.sandbox.TestHttp;
import dev.keapgw.sandbox.contract.SpecContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ContactsCrudTest {
  @RegisterExtension
  static final SandboxFixture FIX = new SandboxFixture();

  private static JsonNode create(Map<String, Object> body) {
    TestHttp.Reply r = FIX.api().post("/contacts", body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  private static Map<String, Object> email(String address) {
    return Map.of("email", address, "field", "EMAIL1");
  }

  @Test
  void createAnswers201WithTheWholeContactAndGetReturnsIt() {
    JsonNode c = create(Map.of(
        "given_name",
        "John",
        "family_name",
        "Doe",
        "email_addresses",
        List.of(email("john.doe.crud@example.com")),
        "phone_numbers",
        List.of(Map.of("number", "(480) 555-1234", "field", "PHONE1"))));
    String id = c.get("id").asText();
    assertThat(id).matches("\\d+");
    assertThat(c.get("given_name").asText()).isEqualTo("John");
    assertThat(c.at("/email_addresses/0/email").asText()).isEqualTo("john.doe.crud@example.com");
    assertThat(c.at("/phone_numbers/0/number_e164").asText()).isEqualTo("+14805551234");
    assertThat(c.get("tag_ids").isArray()).isTrue();
    assertThat(c.get("fax_numbers")).isEmpty();
    assertThat(c.get("source_type").asText()).isEqualTo("API");
    assertThat(c.get("create_time").asText()).isEqualTo(c.get("update_time").asText());

    TestHttp.Reply got = FIX.api().get("/contacts/" + id);
    assertThat(got.status()).isEqualTo(200);
    assertThat(got.json()).isEqualTo(c);
  }

  @Test
  void getUnknownContactIs404() {
    TestHttp.Reply r = FIX.api().get("/contacts/99999999");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().get("status").asText()).isEqualTo("NOT_FOUND");
    assertThat(FIX.api().get("/contacts/abc").status()).isEqualTo(404);
  }

  @Test
  void patchReplacesArraysAndKeepsWhatTheBodyDoesNotMention() {
    JsonNode c = create(Map.of(
        "given_name",
        "Ann",
        "family_name",
        "Lee",
        "job_title",
        "Owner",
        "email_addresses",
        List.of(
            email("ann.lee@example.com"),
            Map.of("email", "ann.work@example.com", "field", "EMAIL2"))));
    String id = c.get("id").asText();
    TestHttp.Reply r = FIX.api()
        .patch(
            "/contacts/" + id,
            Map.of(
                "given_name",
                "Anne",
                "email_addresses",
                List.of(Map.of("email", "anne@example.com"))));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode u = r.json();
    assertThat(u.get("given_name").asText()).isEqualTo("Anne");
    assertThat(u.get("job_title").asText()).isEqualTo("Owner");
    assertThat(u.get("email_addresses")).hasSize(1);
    assertThat(u.at("/email_addresses/0/email").asText()).isEqualTo("anne@example.com");
    assertThat(u.at("/email_addresses/0/field").asText()).isEqualTo("EMAIL1");
    assertThat(FIX.api().get("/contacts/" + id).json()).isEqualTo(u);
    // the old address no longer finds the contact
    assertThat(FIX.api()
            .get("/contacts?filter=email%3D%3Dann.work@example.com")
            .json()
            .get("contacts"))
        .isEmpty();
  }

  @Test
  void updateMaskLimitsTheChangeAndAcceptsRepeatedOrCommaSeparatedKeys() {
    JsonNode c = create(Map.of(
        "given_name",
        "Mask",
        "family_name",
        "Test",
        "job_title",
        "Coach",
        "email_addresses",
        List.of(email("mask.test@example.com"))));
    String id = c.get("id").asText();
    Map<String, Object> body =
        Map.of("given_name", "Masked", "family_name", "Changed", "job_title", "Ignored");
    JsonNode u = FIX.api()
        .patch("/contacts/" + id + "?update_mask=given_name&update_mask=family_name", body)
        .json();
    assertThat(u.get("given_name").asText()).isEqualTo("Masked");
    assertThat(u.get("family_name").asText()).isEqualTo("Changed");
    assertThat(u.get("job_title").asText()).isEqualTo("Coach");

    JsonNode v = FIX.api()
        .patch(
            "/contacts/" + id + "?update_mask=job_title,given_name",
            Map.of("given_name", "Again", "job_title", "Trainer", "family_name", "Skipped"))
        .json();
    assertThat(v.get("given_name").asText()).isEqualTo("Again");
    assertThat(v.get("job_title").asText()).isEqualTo("Trainer");
    assertThat(v.get("family_name").asText()).isEqualTo("Changed");
  }

  @Test
  void unknownUpdateMaskValueIs400NamingUpdateMask() {
    String id = create(Map.of("email_addresses", List.of(email("mask.bad@example.com"))))
        .get("id")
        .asText();
    TestHttp.Reply r =
        FIX.api().patch("/contacts/" + id + "?update_mask=shoe_size", Map.of("given_name", "X"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().at("/details/0/resource").asText()).isEqualTo("update_mask");
  }

  @Test
  void patchOfUnknownContactIs404() {
    assertThat(FIX.api().patch("/contacts/88888888", Map.of("given_name", "X")).status())
        .isEqualTo(404);
  }

  @Test
  void deleteAnswers204ThenTheContactIsGone() {
    String id = create(Map.of("email_addresses", List.of(email("gone@example.com"))))
        .get("id")
        .asText();
    TestHttp.Reply r = FIX.api().delete("/contacts/" + id);
    assertThat(r.status()).isEqualTo(204);
    assertThat(r.body()).isEmpty();
    assertThat(FIX.api().get("/contacts/" + id).status()).isEqualTo(404);
    assertThat(FIX.api().delete("/contacts/" + id).status()).isEqualTo(404);
  }

  @Test
  void duplicateOptionEmailUpdatesTheExistingContactWith200() {
    JsonNode first = create(Map.of(
        "given_name",
        "Dup",
        "family_name",
        "One",
        "email_addresses",
        List.of(email("dup.one@example.com"))));
    TestHttp.Reply again = FIX.api()
        .post(
            "/contacts?duplicate_option=Email",
            Map.of(
                "given_name",
                "Duplicate",
                "email_addresses",
                List.of(email("DUP.ONE@example.com"))));
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("id").asText()).isEqualTo(first.get("id").asText());
    assertThat(again.json().get("given_name").asText()).isEqualTo("Duplicate");
    assertThat(again.json().get("family_name").asText()).isEqualTo("One");
  }

  @Test
  void duplicateOptionEmailAndNameCreatesWhenTheNameDiffers() {
    JsonNode first = create(Map.of(
        "given_name",
        "Same",
        "family_name",
        "Mail",
        "email_addresses",
        List.of(email("shared.mail@example.com"))));
    TestHttp.Reply other = FIX.api()
        .post(
            "/contacts?duplicate_option=EmailAndName",
            Map.of(
                "given_name",
                "Other",
                "family_name",
                "Person",
                "email_addresses",
                List.of(email("shared.mail@example.com"))));
    assertThat(other.status()).isEqualTo(201);
    assertThat(other.json().get("id").asText()).isNotEqualTo(first.get("id").asText());
    TestHttp.Reply same = FIX.api()
        .post(
            "/contacts?duplicate_option=EmailAndName",
            Map.of(
                "given_name",
                "same",
                "family_name",
                "MAIL",
                "job_title",
                "Matched",
                "email_addresses",
                List.of(email("shared.mail@example.com"))));
    assertThat(same.status()).isEqualTo(200);
    assertThat(same.json().get("id").asText()).isEqualTo(first.get("id").asText());
    assertThat(same.json().get("job_title").asText()).isEqualTo("Matched");
  }

  @Test
  void withoutDuplicateOptionASecondContactIsAlwaysCreated() {
    Map<String, Object> body = Map.of("email_addresses", List.of(email("twice@example.com")));
    String a = create(body).get("id").asText();
    String b = create(body).get("id").asText();
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void unknownDuplicateOptionIs400() {
    TestHttp.Reply r = FIX.api()
        .post(
            "/contacts?duplicate_option=Phone",
            Map.of("email_addresses", List.of(email("x@example.com"))));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().at("/details/0/resource").asText()).isEqualTo("duplicate_option");
  }

  @Test
  void utmTouchesComeBackCamelCaseAndAccumulate() {
    JsonNode c = create(Map.of(
        "email_addresses",
        List.of(email("utm@example.com")),
        "utm_parameters",
        Map.of("keap_source_id", "6088", "utm_source", "google", "utm_medium", "cpc")));
    JsonNode touch = c.at("/utm_parameters/0");
    assertThat(touch.get("keapSourceId").asText()).isEqualTo("6088");
    assertThat(touch.get("utmSource").asText()).isEqualTo("google");
    assertThat(touch.get("firstTouch").asBoolean()).isTrue();
    assertThat(touch.get("lastTouch").asBoolean()).isTrue();
    assertThat(touch.has("utm_source")).isFalse();
    JsonNode u = FIX.api()
        .patch(
            "/contacts/" + c.get("id").asText(),
            Map.of("utm_parameters", Map.of("keap_source_id", "7000", "utm_campaign", "spring")))
        .json();
    assertThat(u.get("utm_parameters")).hasSize(2);
    assertThat(u.at("/utm_parameters/0/lastTouch").asBoolean()).isFalse();
    assertThat(u.at("/utm_parameters/1/utmCampaign").asText()).isEqualTo("spring");
    assertThat(u.at("/utm_parameters/1/firstTouch").asBoolean()).isFalse();
  }

  @Test
  void groupsMirrorTagIds() {
    JsonNode c = FIX.api().get("/contacts/1").json();
    assertThat(c.get("groups").asText()).isEqualTo(String.join(",", toList(c.get("tag_ids"))));
  }

  private static List<String> toList(JsonNode arr) {
    List<String> out = new java.util.ArrayList<>();
    arr.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void answersMatchTheSpecSchemas() {
    TestHttp.Reply created = FIX.api()
        .post(
            "/contacts",
            Map.of(
                "given_name",
                "Spec",
                "family_name",
                "Shape",
                "email_addresses",
                List.of(Map.of("email", "spec.shape@example.com", "opt_in_reason", "Form")),
                "addresses",
                List.of(Map.of("line1", "1 Main St", "region", "Arizona", "country_code", "USA")),
                "social_accounts",
                List.of(Map.of("type", "TWITTER", "name", "@spec")),
                "origin",
                Map.of("ip_address", "192.0.2.1"),
                "utm_parameters",
                Map.of("keap_source_id", "1", "utm_source", "newsletter")));
    assertThat(SpecContract.keap().schemaViolations("Contact", created.body())).isEmpty();
    assertThat(SpecContract.keap()
            .schemaViolations("Contact", FIX.api().get("/contacts/1").body()))
        .isEmpty();
    assertThat(SpecContract.keap()
            .schemaViolations(
                "ListContactsResponse",
                FIX.api().get("/contacts?fields=utm_parameters,origin").body()))
        .isEmpty();
    assertThat(SpecContract.keap()
            .schemaViolations("Error", FIX.api().get("/contacts/0").body()))
        .isEmpty();
  }
}
