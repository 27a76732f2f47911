package dev.keapgw.sandbox.companies;

import static dev.keapgw.sandbox.CrmTestSupport.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.sandbox.CrmTestSupport;
import dev.keapgw.sandbox.SandboxFixture;
import dev.keapgw.sandbox.TestHttp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CompanyListTest {
  @RegisterExtension
  static final SandboxFixture FIX = new SandboxFixture();

  private static String zanzibar;

  @BeforeAll
  static void addKnownCompany() {
    zanzibar = FIX.api()
        .post(
            "/companies",
            Map.of(
                "company_name", "Zebra Crossing Ltd",
                "address",
                    Map.of(
                        "locality",
                        "Zanzibarville",
                        "region",
                        "Arizona",
                        "region_code",
                        "US-AZ",
                        "country_code",
                        "USA"),
                "email_address", Map.of("email", "Desk@Zebra.example.com")))
        .json()
        .get("id")
        .asText();
  }

  @Test
  void filtersByNamePrefixAndExactName() {
    assertThat(names("name==" + q("zebra*"))).containsExactly("Zebra Crossing Ltd");
    assertThat(names("company_name==" + q("Zebra Crossing Ltd")))
        .containsExactly("Zebra Crossing Ltd");
    assertThat(names("company_name==" + q("Zebra"))).isEmpty();
    TestHttp.Reply r = FIX.api().get("/companies?filter=company_name" + q("!=") + "x");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().at("/details/0/resource").asText()).isEqualTo("company_name");
    r = FIX.api().get("/companies?filter=company_name==" + q("Zeb*"));
    assertThat(r.status()).isEqualTo(400);
  }

  @Test
  void filtersByEmailCityStateAndId() {
    assertThat(ids("email==" + q("desk@zebra.example.com"))).containsExactly(zanzibar);
    assertThat(ids("city==" + q("Zanzib*"))).containsExactly(zanzibar);
    assertThat(ids("city==Zanzibarville" + q(";") + "state==AZ")).containsExactly(zanzibar);
    assertThat(ids("state==Arizona")).contains(zanzibar);
    List<String> above = ids("company_id" + q(">") + "5");
    assertThat(above).isNotEmpty().allMatch(id -> Long.parseLong(id) > 5);
    assertThat(ids("company_id" + q("<=") + "2")).containsExactly("1", "2");
  }

  @Test
  void filtersByUpdateTimeBounds() {
    assertThat(ids("since_time==2999-01-01T00:00:00.000Z")).isEmpty();
    assertThat(ids("until_time==2999-01-01T00:00:00.000Z")).contains("1", zanzibar);
    TestHttp.Reply r = FIX.api().get("/companies?filter=since_time==yesterday");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().at("/details/0/resource").asText()).isEqualTo("since_time");
  }

  @Test
  void unknownFilterFieldIsA400NamingIt() {
    TestHttp.Reply r = FIX.api().get("/companies?filter=industry==" + q("Tech"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().at("/details/0/resource").asText()).isEqualTo("industry");
  }

  @Test
  void ordersByNameBothWays() {
    List<String> asc = namesOrdered("name%20asc");
    List<String> sorted = new ArrayList<>(asc);
    sorted.sort(String.CASE_INSENSITIVE_ORDER);
    assertThat(asc).hasSizeGreaterThanOrEqualTo(11).isEqualTo(sorted);
    List<String> desc = namesOrdered("name%20desc");
    assertThat(desc)
        .isSortedAccordingTo(Comparator.comparing(String::toLowerCase, Comparator.reverseOrder()));
    assertThat(FIX.api()
            .get("/companies?order_by=id%20desc")
            .json()
            .at("/companies/0/id")
            .asText())
        .isEqualTo(zanzibar);
    TestHttp.Reply r = FIX.api().get("/companies?order_by=update_time");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().at("/details/0/resource").asText()).isEqualTo("order_by");
  }

  @Test
  void pageWalkServesEveryCompanyOnce() {
    List<JsonNode> all =
        CrmTestSupport.walk(FIX.api(), "/companies?order_by=email", "companies", 3);
    List<String> ids = CrmTestSupport.ids(all);
    assertThat(ids).doesNotHaveDuplicates();
    assertThat(ids)
        .containsExactlyInAnyOrderElementsOf(
            CrmTestSupport.ids(FIX.api().get("/companies?page_size=1000").json().get("companies")));
    TestHttp.Reply r = FIX.api().get("/companies?page_size=1001");
    assertThat(r.status()).isEqualTo(400);
  }

  private static List<String> namesOrdered(String orderBy) {
    List<String> out = new ArrayList<>();
    FIX.api()
        .get("/companies?order_by=" + orderBy)
        .json()
        .get("companies")
        .forEach(c -> out.add(c.path("company_name").asText("")));
    return out;
  }

  private static List<String> names(String filter) {
    TestHttp.Reply r = FIX.api().get("/companies?filter=" + filter);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<String> out = new ArrayList<>();
    r.json().get("companies").forEach(c -> out.add(c.get("company_name").asText()));
    return out;
  }

  private static List<String> ids(String filter) {
    TestHttp.Reply r = FIX.api().get("/companies?filter=" + filter);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return CrmTestSupport.ids(r.json().get("companies"));
  }
}
