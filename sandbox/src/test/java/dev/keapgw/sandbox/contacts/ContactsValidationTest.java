package dev.keapgw.sandbox.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.sandbox.SandboxFixture;
import dev.keapgw.sandbox.TestHttp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContactsValidationTest {
  @RegisterExtension
  static final SandboxFixture FIX = new SandboxFixture();

  private static final List<Map<String, String>> EMAIL =
      List.of(Map.of("email", "valid@example.com"));

  /** Posts a body, expects 400 and answers the field the error names. */
  private static String rejectedField(Object body) {
    TestHttp.Reply r = FIX.api().post("/contacts", body);
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().get("status").asText()).isEqualTo("INVALID_ARGUMENT");
    return r.json().at("/details/0/resource").asText();
  }

  @Test
  void invalidJsonIs400() {
    TestHttp.Reply r = FIX.api().post("/contacts", "{\"given_name\": ");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("message").asText()).contains("not valid JSON");
    assertThat(FIX.api().post("/contacts", "[1,2]").status()).isEqualTo(400);
  }

  @Test
  void createNeedsAnEmailPhoneOrAddress() {
    assertThat(rejectedField(Map.of("given_name", "Nobody"))).isEqualTo("email_addresses");
    assertThat(rejectedField(Map.of("given_name", "Nobody", "email_addresses", List.of())))
        .isEqualTo("email_addresses");
    TestHttp.Reply ok = FIX.api()
        .post(
            "/contacts",
            Map.of(
                "addresses",
                List.of(Map.of("line1", "1 Main St", "locality", "Mesa", "field", "BILLING"))));
    assertThat(ok.status()).isEqualTo(201);
  }

  @ParameterizedTest
  @CsvSource({
    "given_name,40",
    "family_name,40",
    "middle_name,100",
    "job_title,255",
    "website,100",
    "preferred_name,100",
    "spouse_name,100",
    "assistant_name,20",
    "assistant_phone,15",
    "billing_information,100"
  })
  void overMaxLengthIs400NamingTheField(String field, int max) {
    assertThat(FIX.api()
            .post("/contacts", Map.of(field, "a".repeat(max), "email_addresses", EMAIL))
            .status())
        .isEqualTo(201);
    assertThat(rejectedField(Map.of(field, "a".repeat(max + 1), "email_addresses", EMAIL)))
        .isEqualTo(field);
  }

  @Test
  void wrongJsonTypeIs400NamingTheField() {
    assertThat(rejectedField(Map.of("given_name", 42, "email_addresses", EMAIL)))
        .isEqualTo("given_name");
    assertThat(rejectedField(Map.of("email_addresses", "a@example.com")))
        .isEqualTo("email_addresses");
    assertThat(rejectedField(Map.of("email_addresses", List.of("a@example.com"))))
        .isEqualTo("email_addresses[0]");
    assertThat(rejectedField(Map.of("email_addresses", List.of(Map.of("email", 7)))))
        .isEqualTo("email_addresses[0].email");
    assertThat(rejectedField(Map.of("company", "Acme", "email_addresses", EMAIL)))
        .isEqualTo("company");
  }

  @Test
  void regionNeedsCountryCode() {
    String f = rejectedField(
        Map.of("addresses", List.of(Map.of("locality", "Phoenix", "region", "Arizona"))));
    assertThat(f).isEqualTo("addresses[0].country_code");
    TestHttp.Reply ok = FIX.api()
        .post(
            "/contacts",
            Map.of(
                "addresses",
                List.of(
                    Map.of("locality", "Phoenix", "region", "Arizona", "country_code", "USA"))));
    assertThat(ok.status()).isEqualTo(201);
    assertThat(ok.json().at("/addresses/0/field").asText()).isEqualTo("BILLING");
  }

  @Test
  void itemRulesNameTheItem() {
    assertThat(rejectedField(Map.of("email_addresses", List.of(Map.of("email", "not-an-email")))))
        .isEqualTo("email_addresses[0].email");
    assertThat(rejectedField(Map.of(
            "email_addresses", List.of(Map.of("email", "a@example.com", "field", "EMAIL9")))))
        .isEqualTo("email_addresses[0].field");
    assertThat(rejectedField(Map.of(
            "email_addresses",
            List.of(
                Map.of("email", "a@example.com", "field", "EMAIL1"),
                Map.of("email", "b@example.com", "field", "EMAIL1")))))
        .isEqualTo("email_addresses[1].field");
    assertThat(rejectedField(Map.of(
            "email_addresses", List.of(Map.of("email", "x".repeat(70) + "@example.com")))))
        .isEqualTo("email_addresses[0].email");
    assertThat(rejectedField(Map.of("phone_numbers", List.of(Map.of("field", "PHONE1")))))
        .isEqualTo("phone_numbers[0].number");
    assertThat(rejectedField(
            Map.of("email_addresses", EMAIL, "social_accounts", List.of(Map.of("name", "@me")))))
        .isEqualTo("social_accounts[0].type");
    assertThat(rejectedField(Map.of(
            "email_addresses", EMAIL, "custom_fields", List.of(Map.of("id", "9", "content", "x")))))
        .isEqualTo("custom_fields[0].id");
  }

  @Test
  void referencesAndFormatsAreChecked() {
    assertThat(rejectedField(Map.of("email_addresses", EMAIL, "owner_id", "999")))
        .isEqualTo("owner_id");
    assertThat(rejectedField(Map.of("email_addresses", EMAIL, "birth_date", "15/03/1985")))
        .isEqualTo("birth_date");
    assertThat(rejectedField(Map.of("email_addresses", EMAIL, "time_zone", "Mars/Olympus")))
        .isEqualTo("time_zone");
    assertThat(rejectedField(Map.of("email_addresses", EMAIL, "source_type", "CARRIER_PIGEON")))
        .isEqualTo("source_type");
    assertThat(rejectedField(
            Map.of("email_addresses", EMAIL, "utm_parameters", Map.of("utm_source", "x"))))
        .isEqualTo("utm_parameters.keap_source_id");
  }

  @Test
  void patchValidatesTheSameWay() {
    TestHttp.Reply r = FIX.api().patch("/contacts/1", Map.of("family_name", "b".repeat(41)));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().at("/details/0/resource").asText()).isEqualTo("family_name");
    assertThat(FIX.api().patch("/contacts/1", "not json").status()).isEqualTo(400);
  }

  @Test
  void unknownFieldsParameterIs400() {
    TestHttp.Reply r = FIX.api().get("/contacts/1?fields=shoe_size");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().at("/details/0/resource").asText()).isEqualTo("shoe_size");
  }
}
