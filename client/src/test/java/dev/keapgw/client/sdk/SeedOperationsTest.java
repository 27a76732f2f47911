package dev.keapgw.client.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keapgw.client.KeapClient;
import dev.keapgw.client.campaigns.Campaign;
import dev.keapgw.client.campaigns.Sequence;
import dev.keapgw.client.common.Address;
import dev.keapgw.client.common.PhoneNumber;
import dev.keapgw.client.companies.Company;
import dev.keapgw.client.companies.CompanyInput;
import dev.keapgw.client.contacts.Contact;
import dev.keapgw.client.contacts.ContactInput;
import dev.keapgw.client.contacts.Note;
import dev.keapgw.client.contacts.NoteInput;
import dev.keapgw.client.emails.Email;
import dev.keapgw.client.emails.EmailSend;
import dev.keapgw.client.error.NotFoundException;
import dev.keapgw.client.list.ListQuery;
import dev.keapgw.client.list.Page;
import dev.keapgw.client.opportunities.Opportunity;
import dev.keapgw.client.opportunities.OpportunityInput;
import dev.keapgw.client.opportunities.Stage;
import dev.keapgw.client.orders.OrderInput;
import dev.keapgw.client.orders.OrderItem;
import dev.keapgw.client.orders.OrderItemInput;
import dev.keapgw.client.products.Product;
import dev.keapgw.client.products.ProductInput;
import dev.keapgw.client.support.LiveGateway;
import dev.keapgw.client.support.RecordingHttpClient;
import dev.keapgw.client.support.SeedOperations;
import dev.keapgw.client.tags.Tag;
import dev.keapgw.client.tags.TagCategory;
import dev.keapgw.client.tags.TagCategoryInput;
import dev.keapgw.client.tags.TagInput;
import dev.keapgw.client.tags.TaggedContact;
import dev.keapgw.client.tasks.Task;
import dev.keapgw.client.tasks.TaskInput;
import dev.keapgw.client.users.User;
import dev.keapgw.client.users.UserInfo;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every one of the seed's 57 operations, once, through the SDK, a real gateway and the sandbox;
 * the last test checks from the requests actually sent that all 57 were reached.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeedOperationsTest {
  @RegisterExtension
  static final LiveGateway LIVE = new LiveGateway();

  private static final RecordingHttpClient HTTP = new RecordingHttpClient();
  private static KeapClient keap;
  private static String contactId;

  @BeforeAll
  static void client() {
    keap = LIVE.client(b -> b.httpClient(HTTP));
    contactId = keap.contacts()
        .create(new ContactInput()
            .givenName("Seed")
            .familyName("Ops")
            .email("seed-ops-" + UUID.randomUUID() + "@example.com"))
        .id();
  }

  @Test
  @Order(1)
  void userInfo() {
    UserInfo me = keap.userInfo();
    assertThat(me.email()).contains("@");
    assertThat(me.tenantId()).isNotBlank();
    assertThat(me.admin()).isTrue();
  }

  @Test
  @Order(2)
  void contacts() {
    Page<Contact> page = keap.contacts().list(ListQuery.all().pageSize(3)).firstPage();
    assertThat(page.items()).hasSize(3);
    assertThat(page.items().get(0).emailAddresses()).isNotEmpty();
    String email = "jo-" + UUID.randomUUID() + "@example.com";
    Contact created = keap.contacts()
        .create(new ContactInput()
            .givenName("Jo")
            .familyName("Doe")
            .email(email)
            .phoneNumbers(List.of(PhoneNumber.of("555-1234", "PHONE1"))));
    assertThat(created.id()).isNotBlank();
    assertThat(created.primaryEmail()).isEqualTo(email);
    Contact read = keap.contacts().get(created.id());
    assertThat(read.phoneNumbers()).extracting(PhoneNumber::number).containsExactly("555-1234");
    Contact updated = keap.contacts().update(created.id(), new ContactInput().givenName("Jane"));
    assertThat(updated.givenName()).isEqualTo("Jane");
    assertThat(updated.familyName()).as("a PATCH leaves other fields alone").isEqualTo("Doe");
    keap.contacts().delete(created.id());
    assertThatThrownBy(() -> keap.contacts().get(created.id()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  @Order(3)
  void notes() {
    Note note = keap.notes()
        .create(
            contactId,
            new NoteInput().title("Call").text("Talked about the quote").userId("1"));
    assertThat(note.contactId()).isEqualTo(contactId);
    assertThat(keap.notes().list(contactId).toList()).extracting(Note::id).contains(note.id());
  }

  @Test
  @Order(4)
  void companies() {
    assertThat(keap.companies().list(ListQuery.all().pageSize(2)).firstPage().items())
        .isNotEmpty();
    Company c = keap.companies()
        .create(new CompanyInput()
            .companyName("Acme " + UUID.randomUUID())
            .website("https://acme.example.com")
            .phoneNumber(PhoneNumber.of("555-0000", null))
            .address(new Address(
                "United States",
                "1 Main St",
                null,
                "Phoenix",
                null,
                null,
                "USA",
                "85001",
                "US-AZ",
                null,
                null)));
    assertThat(keap.companies().get(c.id()).companyName()).isEqualTo(c.companyName());
    assertThat(keap.companies()
            .update(c.id(), new CompanyInput().companyName("Acme Corporation"))
            .companyName())
        .isEqualTo("Acme Corporation");
    keap.companies().delete(c.id());
    assertThatThrownBy(() -> keap.companies().get(c.id())).isInstanceOf(NotFoundException.class);
  }

  @Test
  @Order(5)
  void tagsAndCategories() {
    TagCategory category =
        keap.tagCategories().create(new TagCategoryInput().name("Segments " + UUID.randomUUID()));
    assertThat(keap.tagCategories().list().toList())
        .extracting(TagCategory::id)
        .contains(category.id());
    assertThat(keap.tags().list(ListQuery.all().pageSize(5)).firstPage().items())
        .isNotEmpty();
    Tag tag = keap.tags()
        .create(new TagInput()
            .name("VIP " + UUID.randomUUID())
            .description("High value")
            .categoryId(category.id()));
    assertThat(tag.category().id()).isEqualTo(category.id());
    assertThat(keap.tags().get(tag.id()).name()).isEqualTo(tag.name());
    assertThat(keap.tags()
            .update(tag.id(), new TagInput().name("Premium " + tag.id()))
            .name())
        .isEqualTo("Premium " + tag.id());
    Map<String, String> applied = keap.tags().apply(tag.id(), List.of(contactId));
    assertThat(applied).containsKey(contactId);
    assertThat(keap.tags().contacts(tag.id()).toList())
        .extracting(TaggedContact::id)
        .containsExactly(contactId);
    keap.tags().remove(tag.id(), List.of(contactId));
    assertThat(keap.tags().contacts(tag.id()).toList()).isEmpty();
    keap.tags().delete(tag.id());
    assertThatThrownBy(() -> keap.tags().get(tag.id())).isInstanceOf(NotFoundException.class);
  }

  @Test
  @Order(6)
  void tasks() {
    assertThat(keap.tasks().list(ListQuery.all().pageSize(2)).firstPage().items())
        .isNotEmpty();
    Task t = keap.tasks()
        .create(new TaskInput()
            .title("Follow up call")
            .description("About the proposal")
            .dueTime("2026-02-15T10:00:00Z")
            .assignedToUserId("1")
            .contactId(contactId)
            .priority("ESSENTIAL"));
    assertThat(keap.tasks().get(t.id()).contactId()).isEqualTo(contactId);
    assertThat(keap.tasks().update(t.id(), new TaskInput().completed(true)).completed())
        .isTrue();
    keap.tasks().delete(t.id());
    assertThatThrownBy(() -> keap.tasks().get(t.id())).isInstanceOf(NotFoundException.class);
  }

  @Test
  @Order(7)
  void opportunitiesAndStages() {
    List<Stage> stages = keap.stages().list().toList();
    assertThat(stages).hasSizeGreaterThan(1);
    assertThat(
            keap.opportunities().list(ListQuery.all().pageSize(2)).firstPage().items())
        .isNotEmpty();
    Opportunity o = keap.opportunities()
        .create(new OpportunityInput()
            .opportunityTitle("New Deal")
            .contactId(contactId)
            .stageId(stages.get(0).id())
            .projectedRevenueHigh(5000.0));
    assertThat(o.contact().id()).isEqualTo(contactId);
    assertThat(keap.opportunities().get(o.id()).stage().id())
        .isEqualTo(stages.get(0).id());
    Opportunity moved = keap.opportunities()
        .update(o.id(), new OpportunityInput().stageId(stages.get(1).id()));
    assertThat(moved.stage().id()).isEqualTo(stages.get(1).id());
    keap.opportunities().delete(o.id());
    assertThatThrownBy(() -> keap.opportunities().get(o.id()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  @Order(8)
  void ordersAndProducts() {
    assertThat(keap.products().list(ListQuery.all().pageSize(2)).firstPage().items())
        .isNotEmpty();
    Product p = keap.products()
        .create(new ProductInput()
            .name("Consulting Package")
            .price(50_000L)
            .shortDescription("1 hour consulting"));
    assertThat(p.price().amount()).isEqualTo(50_000L);
    assertThat(keap.products().get(p.id()).name()).isEqualTo("Consulting Package");
    assertThat(keap.orders().list(ListQuery.all().pageSize(2)).firstPage().items())
        .isNotEmpty();
    dev.keapgw.client.orders.Order o = keap.orders()
        .create(new OrderInput()
            .contactId(contactId)
            .orderTitle("Product Order")
            .orderTime("2026-02-08T00:00:00Z")
            .orderType("ONLINE"));
    OrderItem item =
        keap.orders().addItem(o.id(), new OrderItemInput().productId(p.id()).quantity(2));
    assertThat(item.quantity()).isEqualTo(2);
    dev.keapgw.client.orders.Order read = keap.orders().get(o.id());
    assertThat(read.orderItems()).extracting(OrderItem::id).contains(item.id());
    assertThat(read.total().amount()).isEqualTo(100_000L);
  }

  @Test
  @Order(9)
  void campaignsAndSequences() {
    List<Campaign> campaigns = keap.campaigns().list().toList();
    assertThat(campaigns).isNotEmpty();
    Campaign c = keap.campaigns().get(campaigns.get(0).id());
    assertThat(c.name()).isEqualTo(campaigns.get(0).name());
    List<Sequence> sequences = keap.campaigns().sequences(c.id()).toList();
    assertThat(sequences).isNotEmpty();
    String seq = sequences.get(0).id();
    assertThat(keap.campaigns().addToSequence(c.id(), seq, List.of(contactId)))
        .containsEntry(contactId, "SUCCESS");
    assertThat(keap.campaigns().removeFromSequence(c.id(), seq, List.of(contactId)))
        .containsEntry(contactId, "SUCCESS");
  }

  @Test
  @Order(10)
  void emails() {
    List<Email> emails =
        keap.emails().list(ListQuery.all().pageSize(5)).firstPage().items();
    assertThat(emails).isNotEmpty();
    Email full = keap.emails().get(emails.get(0).id());
    assertThat(full.html()).isNotBlank();
    keap.emails()
        .send(new EmailSend().to(contactId).subject("Hello").userId("1").html("<p>Email body</p>"));
    assertThat(keap.emails()
            .list(ListQuery.all().filter("contact_id==" + contactId))
            .toList())
        .extracting(Email::subject)
        .contains("Hello");
  }

  @Test
  @Order(11)
  void readOnlyResources() {
    List<User> users =
        keap.users().list(ListQuery.all().pageSize(10)).firstPage().items();
    assertThat(keap.users().get(users.get(0).id()).id()).isEqualTo(users.get(0).id());
    var sub = keap.subscriptions().list().firstPage().items().get(0);
    assertThat(keap.subscriptions().get(sub.id()).billingCycle()).isNotBlank();
    var aff = keap.affiliates().list().firstPage().items().get(0);
    assertThat(keap.affiliates().get(aff.id()).code()).isEqualTo(aff.code());
    Page<dev.keapgw.client.automations.Automation> autos =
        keap.automations().list(ListQuery.all().pageSize(2)).firstPage();
    assertThat(autos.extras()).containsKey("automation_count");
    assertThat(keap.automations().get(autos.items().get(0).id()).title())
        .isEqualTo(autos.items().get(0).title());
  }

  @Test
  @Order(99)
  void everySeedOperationWasReached() {
    String base = URI.create(keap.target().apiBase()).getRawPath();
    assertThat(SeedOperations.reached(HTTP.sent(), base))
        .containsExactlyInAnyOrderElementsOf(SeedOperations.ALL);
  }
}
