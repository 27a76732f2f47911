package dev.keapgw.client.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.client.KeapClient;
import dev.keapgw.client.contacts.Contact;
import dev.keapgw.client.contacts.ContactInput;
import dev.keapgw.client.list.Filter;
import dev.keapgw.client.list.ListQuery;
import dev.keapgw.client.list.OrderBy;
import dev.keapgw.client.list.Paged;
import dev.keapgw.client.support.LiveGateway;
import dev.keapgw.client.support.RecordingHttpClient;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Lists fetch pages only as they are used, follow the tokens to the end, and carry filters and order. */
class PagingAndFiltersTest {
  @RegisterExtension
  static final LiveGateway LIVE = new LiveGateway();

  private static final RecordingHttpClient HTTP = new RecordingHttpClient();
  private static final String FAMILY = "Zq" + UUID.randomUUID().toString().substring(0, 8);
  private static KeapClient keap;

  @BeforeAll
  static void threeRelatedContacts() {
    keap = LIVE.client(b -> b.httpClient(HTTP));
    for (String given : List.of("Ann", "Bob", "Cid")) {
      keap.contacts()
          .create(new ContactInput()
              .givenName(given)
              .familyName(FAMILY)
              .email(given.toLowerCase() + "." + FAMILY.toLowerCase() + "@example.com"));
    }
  }

  @BeforeEach
  void forget() {
    HTTP.clear();
  }

  @Test
  void nothingIsFetchedUntilAnItemIsWanted() {
    Paged<Contact> all = keap.contacts().list(ListQuery.all().pageSize(2));
    Stream<Contact> stream = all.stream().filter(c -> c.id() != null);
    assertThat(HTTP.sent()).isEmpty();
    assertThat(stream.limit(1).count()).isEqualTo(1);
    assertThat(HTTP.sent()).hasSize(1);
  }

  @Test
  void onlyThePagesTheItemsNeedAreFetched() {
    List<Contact> three = keap.contacts().list(ListQuery.all().pageSize(2)).first(3);
    assertThat(three).hasSize(3);
    assertThat(HTTP.sent()).hasSize(2);
    assertThat(HTTP.sent().get(0).uri().getRawQuery()).isEqualTo("page_size=2");
    assertThat(HTTP.sent().get(1).uri().getRawQuery()).startsWith("page_size=2&page_token=");
  }

  @Test
  void iteratingFollowsTheTokensToTheLastPage() {
    List<String> bySeven = keap.contacts().list(ListQuery.all().pageSize(7)).stream()
        .map(Contact::id)
        .toList();
    int requests = HTTP.sent().size();
    List<String> byThousand = keap.contacts().list(ListQuery.all().pageSize(1000)).stream()
        .map(Contact::id)
        .toList();
    assertThat(bySeven)
        .hasSizeGreaterThan(20)
        .doesNotHaveDuplicates()
        .containsExactlyElementsOf(byThousand);
    int pages = (bySeven.size() + 6) / 7;
    assertThat(requests)
        .as("one request per page (and perhaps an empty last one)")
        .isBetween(pages, pages + 1);
  }

  @Test
  void aPrefixFilterAndAnEqualityFilterAreAnded() {
    Filter family = Filter.where("family_name").startsWith(FAMILY.substring(0, 6));
    assertThat(keap.contacts().list(ListQuery.all().filter(family)).toList())
        .extracting(Contact::givenName)
        .containsExactlyInAnyOrder("Ann", "Bob", "Cid");
    Filter both = family.and("given_name").eq("Bob");
    assertThat(keap.contacts().list(ListQuery.all().filter(both)).toList())
        .extracting(Contact::givenName)
        .containsExactly("Bob");
    assertThat(HTTP.sent().get(1).uri().getRawQuery())
        .contains("filter=family_name%3D%3D" + FAMILY.substring(0, 6) + "*%3Bgiven_name%3D%3DBob");
  }

  @Test
  void orderByAndFieldsReachKeap() {
    ListQuery q = ListQuery.all()
        .filter(Filter.where("family_name").eq(FAMILY))
        .orderBy(OrderBy.desc("email"))
        .fields("job_title", "website");
    List<Contact> sorted = keap.contacts().list(q).toList();
    assertThat(sorted).extracting(Contact::givenName).containsExactly("Cid", "Bob", "Ann");
    assertThat(HTTP.sent().get(0).uri().getRawQuery())
        .contains("order_by=email%20desc")
        .contains("fields=job_title%2Cwebsite");
  }

  @Test
  void eachIterationStartsAgainFromTheFirstPage() {
    Paged<Contact> mine =
        keap.contacts().list(ListQuery.all().filter(Filter.where("family_name").eq(FAMILY)));
    assertThat(mine.toList()).hasSize(3);
    assertThat(mine.toList()).hasSize(3);
    assertThat(
            new HashSet<>(HTTP.sent().stream().map(s -> s.uri().getRawQuery()).toList()))
        .hasSize(1);
  }
}
