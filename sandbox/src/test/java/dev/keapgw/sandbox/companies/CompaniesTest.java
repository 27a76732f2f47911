package dev.keapgw.sandbox.companies;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.sandbox.SandboxFixture;
import dev.keapgw.sandbox.TestHttp;
import dev.keapgw.sandbox.contract.SpecContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CompaniesTest {
  @RegisterExtension
  static final SandboxFixture FIX = new SandboxFixture();

  private static final List<String> OPTIONAL = List.of(
      "notes",
      "fax_number",
      "address",
      "email_address",
      "phone_number",
      "update_time",
      "create_time",
      "custom_fields");

  @Test
  void listLeavesOutTheOptionalFieldsByDefault() {
    TestHttp.Reply r = FIX.api().get("/companies");
    assertThat(r.status()).isEqualTo(200);
    JsonNode companies = r.json().get("companies");
    assertThat(companies.size()).isGreaterThanOrEqualTo(10);
    assertThat(r.json().get("next_page_token").asText()).isEmpty();
    assertThat(SpecContract.keap().schemaViolations("ListCompaniesResponse", r.json()))
        .isEmpty();
    for (JsonNode c : companies) {
      assertThat(c.get("id").asText()).isNotEmpty();
      assertThat(c.has("company_name")).isTrue();
      for (String f : OPTIONAL) {
        assertThat(c.has(f)).as(f).isFalse();
      }
    }
  }

  @Test
  void fieldsAddsOptionalFieldsToTheDefaults() {
    JsonNode c = FIX.api().get("/companies?fields=address,email_address").json().at("/companies/0");
    assertThat(c.at("/address/locality").asText()).isNotEmpty();
    assertThat(c.at("/email_address/email").asText()).contains("@");
    assertThat(c.get("company_name").asText()).isNotEmpty();
    assertThat(c.has("notes")).isFalse();

    JsonNode one = FIX.api().get("/companies/1?fields=notes,create_time").json();
    assertThat(one.get("notes").asText()).isNotEmpty();
    assertThat(one.get("create_time").asText()).endsWith("Z");
    assertThat(one.has("phone_number")).isFalse();
  }

  @Test
  void unknownFieldsNameIsA400NamingIt() {
    TestHttp.Reply r = FIX.api().get("/companies?fields=address,shoe_size");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().at("/details/0/resource").asText()).isEqualTo("shoe_size");
  }

  @Test
  void createNeedsNothingAndAnswersTheWholeCompany() {
    TestHttp.Reply r = FIX.api().post("/companies", Map.of());
    assertThat(r.status()).isEqualTo(201);
    assertThat(r.json().get("id").asText()).matches("\\d+");
    assertThat(r.json().get("create_time").asText()).isNotEmpty();
    assertThat(r.json().get("created_by").asText()).isEqualTo("1");
    TestHttp.Reply got = FIX.api().get("/companies/" + r.json().get("id").asText());
    assertThat(got.status()).isEqualTo(200);
    assertThat(got.json().has("create_time")).isFalse();
  }

  @Test
  void createKeepsContactPointsAndFillsTheirSlots() {
    TestHttp.Reply r = FIX.api()
        .post(
            "/companies",
            Map.of(
                "company_name", "Quokka Pools",
                "website", "https://quokka.example.com",
                "address",
                    Map.of(
                        "line1",
                        "1 Pool Ln",
                        "locality",
                        "Mesa",
                        "region_code",
                        "US-AZ",
                        "country_code",
                        "USA",
                        "postal_code",
                        "85201"),
                "email_address", Map.of("email", "hello@quokka.example.com"),
                "phone_number", Map.of("number", "(480) 555-0199"),
                "custom_fields", List.of(Map.of("id", "4", "content", "Gold"))));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().at("/address/field").asText()).isEqualTo("BILLING");
    assertThat(r.json().at("/email_address/field").asText()).isEqualTo("EMAIL1");
    assertThat(r.json().at("/phone_number/number_e164").asText()).isEqualTo("+14805550199");
    assertThat(r.json().at("/custom_fields/0/content").asText()).isEqualTo("Gold");
    assertThat(SpecContract.keap().schemaViolations("Company", r.json())).isEmpty();

    JsonNode got = FIX.api()
        .get("/companies/" + r.json().get("id").asText()
            + "?fields=address,email_address,phone_number")
        .json();
    assertThat(got.at("/address/locality").asText()).isEqualTo("Mesa");
    assertThat(got.at("/email_address/email").asText()).isEqualTo("hello@quokka.example.com");
    assertThat(got.get("website").asText()).isEqualTo("https://quokka.example.com");
  }

  @Test
  void invalidBodiesAre400sNamingTheField() {
    assertInvalid(Map.of("company_name", 42), "company_name");
    assertInvalid(Map.of("address", Map.of("line1", "x".repeat(76))), "address.line1");
    assertInvalid(
        Map.of("address", Map.of("line1", "x".repeat(101), "field", "SHIPPING")), "address.line1");
    assertInvalid(Map.of("address", Map.of("region", "Arizona")), "address.country_code");
    assertInvalid(Map.of("address", Map.of("postal_code", "1".repeat(16))), "address.postal_code");
    assertInvalid(Map.of("email_address", Map.of("email", "not-an-email")), "email_address.email");
    assertInvalid(
        Map.of("email_address", Map.of("email", "a".repeat(70) + "@x.com")), "email_address.email");
    assertInvalid(
        Map.of("phone_number", Map.of("number", "5", "field", "PHONE9")), "phone_number.field");
    assertInvalid(Map.of("owner_id", "99"), "owner_id");
    assertInvalid(Map.of("birth_date", "15/03/1985"), "birth_date");
    assertInvalid(Map.of("name", "Acme"), "name");
    assertInvalid(Map.of("custom_fields", List.of(Map.of("content", "x"))), "custom_fields");
    assertThat(FIX.api().post("/companies", "{not json").status()).isEqualTo(400);
  }

  @Test
  void patchChangesOnlyWhatItSendsAndHonoursTheMask() {
    String id = FIX.api()
        .post("/companies", Map.of("company_name", "Wombat Works", "notes", "first"))
        .json()
        .get("id")
        .asText();
    TestHttp.Reply r =
        FIX.api().patch("/companies/" + id, Map.of("notes", "second", "job_title", "CEO"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("company_name").asText()).isEqualTo("Wombat Works");
    assertThat(r.json().get("notes").asText()).isEqualTo("second");
    assertThat(r.json().get("job_title").asText()).isEqualTo("CEO");

    r = FIX.api()
        .patch(
            "/companies/" + id + "?update_mask=notes",
            Map.of("company_name", "Ignored", "notes", "third"));
    assertThat(r.json().get("company_name").asText()).isEqualTo("Wombat Works");
    assertThat(r.json().get("notes").asText()).isEqualTo("third");

    r = FIX.api().patch("/companies/" + id + "?update_mask=shoe_size", Map.of("notes", "x"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().at("/details/0/resource").asText()).isEqualTo("update_mask");

    r = FIX.api().send("PATCH", "/companies/" + id, "application/json", "{\"notes\":null}");
    assertThat(r.json().has("notes")).isFalse();
  }

  @Test
  void deleteAnswers204AndTheCompanyIsGone() {
    String id = FIX.api()
        .post("/companies", Map.of("company_name", "Short Lived"))
        .json()
        .get("id")
        .asText();
    TestHttp.Reply r = FIX.api().delete("/companies/" + id);
    assertThat(r.status()).isEqualTo(204);
    assertThat(r.body()).isEmpty();
    assertThat(FIX.api().get("/companies/" + id).status()).isEqualTo(404);
    assertThat(FIX.api().delete("/companies/" + id).status()).isEqualTo(404);
  }

  @Test
  void unknownIdsAre404s() {
    TestHttp.Reply r = FIX.api().get("/companies/999999");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().get("status").asText()).isEqualTo("NOT_FOUND");
    assertThat(SpecContract.keap().schemaViolations("Error", r.json())).isEmpty();
    assertThat(FIX.api().get("/companies/abc").status()).isEqualTo(404);
    assertThat(FIX.api().patch("/companies/999999", Map.of("notes", "x")).status())
        .isEqualTo(404);
    assertThat(FIX.api().delete("/companies/999999").status()).isEqualTo(404);
  }

  private static void assertInvalid(Object body, String field) {
    TestHttp.Reply r = FIX.api().post("/companies", body);
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().at("/details/0/resource").asText()).as(r.body()).isEqualTo(field);
  }
}
