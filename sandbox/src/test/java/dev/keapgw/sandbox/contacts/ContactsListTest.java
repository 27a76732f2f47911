package dev.keapgw.sandbox.contacts;

import static dev.keapgw.sandbox.CrmTestSupport.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.sandbox.CrmTestSupport;
import dev.keapgw.sandbox.SandboxFixture;
import dev.keapgw.sandbox.TestHttp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ContactsListTest {
  @RegisterExtension
  static final SandboxFixture FIX = new SandboxFixture();

  private static JsonNode list(String query) {
    TestHttp.Reply r = FIX.api().get("/contacts?" + query);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private static List<String> ids(JsonNode page) {
    return CrmTestSupport.ids(page.get("contacts"));
  }

  /** Walks every page and answers the ids in the order served. */
  private static List<String> walk(String query, int pageSize) {
    return CrmTestSupport.ids(
        CrmTestSupport.walk(FIX.api(), "/contacts?" + query, "contacts", pageSize));
  }

  @Test
  void listItemsCarryTheDefaultFieldsAndFieldsAddsMore() {
    JsonNode item = list("page_size=1").at("/contacts/0");
    assertThat(item.has("given_name")).isTrue();
    assertThat(item.has("email_addresses")).isTrue();
    assertThat(item.has("tag_ids")).isTrue();
    assertThat(item.has("job_title")).isFalse();
    JsonNode more = list("page_size=1&fields=job_title,owner_id").at("/contacts/0");
    assertThat(more.get("job_title").asText()).isNotEmpty();
    assertThat(more.get("owner_id").asText()).isNotEmpty();
    assertThat(more.has("given_name")).isTrue();
    TestHttp.Reply bad = FIX.api().get("/contacts?fields=nope");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().at("/details/0/resource").asText()).isEqualTo("nope");
  }

  @Test
  void pageSizeSevenWalkSeesEveryContactExactlyOnce() {
    List<String> everything = walk("order_by=id", 1000);
    assertThat(everything).hasSizeGreaterThanOrEqualTo(ContactSeed.SAMPLES);
    List<String> bySeven = walk("order_by=id", 7);
    assertThat(bySeven).doesNotHaveDuplicates().containsExactlyElementsOf(everything);
    List<String> byCreateTime = walk("order_by=" + q("create_time desc"), 7);
    assertThat(byCreateTime)
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(everything);
  }

  @Test
  void orderByCreateTimeAndEmailSort() {
    List<String> times = new ArrayList<>();
    list("page_size=100&order_by=" + q("create_time asc"))
        .get("contacts")
        .forEach(c -> times.add(c.get("create_time").asText()));
    assertThat(times).isSorted();
    List<String> emails = new ArrayList<>();
    list("page_size=100&order_by=" + q("email desc"))
        .get("contacts")
        .forEach(c -> emails.add(c.at("/email_addresses/0/email").asText("").toLowerCase()));
    assertThat(emails).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(FIX.api().get("/contacts?order_by=given_name").status()).isEqualTo(400);
  }

  @Test
  void emailFilterIsExactAndCaseInsensitiveOrAPrefix() {
    JsonNode first = FIX.api().get("/contacts/1").json();
    String email = first.at("/email_addresses/0/email").asText();
    JsonNode hit = list("filter=" + q("email==" + email.toUpperCase()));
    assertThat(ids(hit)).containsExactly("1");
    String prefix = email.substring(0, email.indexOf('.'));
    assertThat(ids(list("filter=" + q("email==" + prefix + "*")))).contains("1");
    assertThat(ids(list("filter=" + q("email==nobody@nowhere.example")))).isEmpty();
  }

  @Test
  void nameCityStateAndIdFilters() {
    JsonNode c = FIX.api().get("/contacts/2").json();
    String given = c.get("given_name").asText();
    String family = c.get("family_name").asText();
    assertThat(ids(list("filter=" + q("given_name==" + given + ";family_name==" + family))))
        .containsExactly("2");
    assertThat(ids(list("filter=" + q("given_name==" + given.substring(0, 2) + "*"))))
        .contains("2");
    String city = c.at("/addresses/0/locality").asText();
    String region = c.at("/addresses/0/region").asText();
    JsonNode byCity = list("page_size=1000&filter=" + q("city==" + city + ";state==" + region));
    assertThat(ids(byCity)).contains("2");
    byCity
        .get("contacts")
        .forEach(x -> assertThat(x.at("/addresses/0/locality").asText()).isEqualTo(city));
    assertThat(ids(list("filter=" + q("billing_address_locality==" + city)))).contains("2");
    assertThat(ids(list("filter=" + q("contact_id>=3;contact_id<5")))).containsExactly("3", "4");
    assertThat(ids(list("filter=" + q("ids==1,3,5")))).containsExactly("1", "3", "5");
  }

  @Test
  void updateTimeBoundsFilter() {
    JsonNode c = FIX.api().get("/contacts/4").json();
    String t = c.get("update_time").asText();
    List<String> after = ids(list("page_size=1000&filter=" + q("start_update_time==" + t)));
    List<String> before = ids(list("page_size=1000&filter=" + q("end_update_time==" + t)));
    assertThat(after).contains("4");
    assertThat(before).contains("4");
    Set<String> both = new HashSet<>(after);
    both.retainAll(before);
    assertThat(both).contains("4");
  }

  @Test
  void phoneNumberFilterNeedsPhoneFields() {
    JsonNode c = FIX.api().get("/contacts/5").json();
    String number = c.at("/phone_numbers/0/number").asText();
    TestHttp.Reply r = FIX.api().get("/contacts?filter=" + q("phone_number==" + number));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().at("/details/0/resource").asText()).isEqualTo("phone_fields");
    assertThat(ids(list("filter="
            + q("phone_number==" + number.replaceAll("\\D", "") + ";phone_fields==PHONE1,PHONE2"))))
        .contains("5");
    assertThat(ids(list("filter=" + q("phone_number==" + number + ";phone_fields==PHONE3"))))
        .doesNotContain("5");
  }

  @Test
  void badFiltersAre400NamingTheField() {
    TestHttp.Reply unknown = FIX.api().get("/contacts?filter=" + q("shoe_size==9"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().at("/details/0/resource").asText()).isEqualTo("shoe_size");
    TestHttp.Reply leading = FIX.api().get("/contacts?filter=" + q("email==*@example.com"));
    assertThat(leading.status()).isEqualTo(400);
    assertThat(leading.json().at("/details/0/resource").asText()).isEqualTo("email");
    TestHttp.Reply notNumber = FIX.api().get("/contacts?filter=" + q("contact_id>abc"));
    assertThat(notNumber.status()).isEqualTo(400);
    assertThat(notNumber.json().at("/details/0/resource").asText()).isEqualTo("contact_id");
    TestHttp.Reply noWildcard = FIX.api().get("/contacts?filter=" + q("company_id==1*"));
    assertThat(noWildcard.status()).isEqualTo(400);
  }
}
