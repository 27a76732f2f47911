package dev.keapgw.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keapgw.client.affiliates.AffiliatesApi;
import dev.keapgw.client.automations.AutomationsApi;
import dev.keapgw.client.campaigns.CampaignsApi;
import dev.keapgw.client.companies.CompaniesApi;
import dev.keapgw.client.connections.ConnectionsApi;
import dev.keapgw.client.contacts.ContactsApi;
import dev.keapgw.client.contacts.NotesApi;
import dev.keapgw.client.emails.EmailsApi;
import dev.keapgw.client.http.JsonApi;
import dev.keapgw.client.http.QuotaStatus;
import dev.keapgw.client.http.Transport;
import dev.keapgw.client.opportunities.OpportunitiesApi;
import dev.keapgw.client.opportunities.StagesApi;
import dev.keapgw.client.orders.OrdersApi;
import dev.keapgw.client.products.ProductsApi;
import dev.keapgw.client.subscriptions.SubscriptionsApi;
import dev.keapgw.client.tags.TagCategoriesApi;
import dev.keapgw.client.tags.TagsApi;
import dev.keapgw.client.tasks.TasksApi;
import dev.keapgw.client.triggers.TriggersApi;
import dev.keapgw.client.users.UserInfo;
import dev.keapgw.client.users.UsersApi;
import java.net.URI;
import java.util.Map;

/**
 * A client of Keap's CRM REST API, through a keap-gateway (or Maton) or straight to Keap.
 * Thread-safe; make one and share it.
 *
 * <pre>{@code
 * KeapClient keap = KeapClient.gateway("http://localhost:8080", System.getenv("MATON_API_KEY")).build();
 * Contact c = keap.contacts().create(new ContactInput().givenName("Jo").email("jo@example.com"));
 * keap.contacts().list(ListQuery.all().filter(Filter.where("given_name").startsWith("Jo")))
 *     .forEach(x -> System.out.println(x.primaryEmail()));
 * }</pre>
 */
public final class KeapClient {
  private final Target target;
  private final ClientOptions options;
  private final Transport transport;
  private final JsonApi api;
  private final ContactsApi contacts;
  private final NotesApi notes;
  private final CompaniesApi companies;
  private final TagsApi tags;
  private final TagCategoriesApi tagCategories;
  private final TasksApi tasks;
  private final OpportunitiesApi opportunities;
  private final StagesApi stages;
  private final OrdersApi orders;
  private final ProductsApi products;
  private final CampaignsApi campaigns;
  private final EmailsApi emails;
  private final UsersApi users;
  private final SubscriptionsApi subscriptions;
  private final AffiliatesApi affiliates;
  private final AutomationsApi automations;
  private final ConnectionsApi connections;
  private final TriggersApi triggers;

  KeapClient(Target target, ClientOptions options) {
    this(target, options, options.transport(target));
  }

  private KeapClient(Target target, ClientOptions options, Transport transport) {
    this.target = target;
    this.options = options;
    this.transport = transport;
    Map<String, String> headers = target instanceof Target.Gateway g && g.connectionId() != null
        ? Map.of("Maton-Connection", g.connectionId())
        : Map.of();
    this.api = new JsonApi(transport, target.apiBase(), headers);
    this.contacts = new ContactsApi(api);
    this.notes = new NotesApi(api);
    this.companies = new CompaniesApi(api);
    this.tags = new TagsApi(api);
    this.tagCategories = new TagCategoriesApi(api);
    this.tasks = new TasksApi(api);
    this.opportunities = new OpportunitiesApi(api);
    this.stages = new StagesApi(api);
    this.orders = new OrdersApi(api);
    this.products = new ProductsApi(api);
    this.campaigns = new CampaignsApi(api);
    this.emails = new EmailsApi(api);
    this.users = new UsersApi(api);
    this.subscriptions = new SubscriptionsApi(api);
    this.affiliates = new AffiliatesApi(api);
    this.automations = new AutomationsApi(api);
    JsonApi control =
        target instanceof Target.Gateway g ? new JsonApi(transport, g.root(), Map.of()) : null;
    this.connections =
        control == null ? null : new ConnectionsApi(control, options.clock(), options.sleeper());
    this.triggers = control == null ? null : new TriggersApi(control);
  }

  /** A client of a gateway at {@code url} (e.g. {@code http://localhost:8080}) with an API key. */
  public static ClientOptions.Builder gateway(String url, String apiKey) {
    return gateway(URI.create(url), apiKey);
  }

  public static ClientOptions.Builder gateway(URI url, String apiKey) {
    return new ClientOptions.Builder(new Target.Gateway(url, apiKey, null, "keap"));
  }

  /** A client of Keap itself at {@code url} (a sandbox, or {@link Target.Direct#KEAP}) with a bearer token. */
  public static ClientOptions.Builder direct(URI url, String token) {
    return new ClientOptions.Builder(new Target.Direct(url, token));
  }

  /** A client of Keap's production API with an access token or personal access key. */
  public static ClientOptions.Builder keap(String token) {
    return direct(Target.Direct.KEAP, token);
  }

  /**
   * The same client (same key, HTTP client and settings) using another gateway connection
   * ({@code Maton-Connection}); gateway targets only.
   */
  public KeapClient withConnection(String connectionId) {
    if (!(target instanceof Target.Gateway g)) {
      throw new IllegalStateException(
          "connections belong to the gateway; this client talks to Keap directly");
    }
    return new KeapClient(g.withConnection(connectionId), options, transport);
  }

  public Target target() {
    return target;
  }

  /** Keap's API at the JSON level, for operations this SDK has no method for. */
  public JsonApi api() {
    return api;
  }

  public ObjectMapper mapper() {
    return transport.mapper();
  }

  /** Keap's quota as last reported (null before any answer carried it). */
  public QuotaStatus lastQuota() {
    return transport.lastQuota();
  }

  /** The gateway's triggers: Keap's and the gateway's events delivered to your endpoints. */
  public TriggersApi triggers() {
    if (triggers == null) {
      throw new IllegalStateException(
          "triggers belong to the gateway; this client talks to Keap directly");
    }
    return triggers;
  }

  /** The gateway's connections. */
  public ConnectionsApi connections() {
    if (connections == null) {
      throw new IllegalStateException(
          "connections belong to the gateway; this client talks to Keap directly");
    }
    return connections;
  }

  /** {@code GET /v2/oauth/connect/userinfo}. */
  public UserInfo userInfo() {
    return users.me();
  }

  public ContactsApi contacts() {
    return contacts;
  }

  /** Notes of contacts. */
  public NotesApi notes() {
    return notes;
  }

  public CompaniesApi companies() {
    return companies;
  }

  public TagsApi tags() {
    return tags;
  }

  public TagCategoriesApi tagCategories() {
    return tagCategories;
  }

  public TasksApi tasks() {
    return tasks;
  }

  public OpportunitiesApi opportunities() {
    return opportunities;
  }

  /** The stages of the sales pipeline. */
  public StagesApi stages() {
    return stages;
  }

  public OrdersApi orders() {
    return orders;
  }

  public ProductsApi products() {
    return products;
  }

  public CampaignsApi campaigns() {
    return campaigns;
  }

  public EmailsApi emails() {
    return emails;
  }

  public UsersApi users() {
    return users;
  }

  public SubscriptionsApi subscriptions() {
    return subscriptions;
  }

  public AffiliatesApi affiliates() {
    return affiliates;
  }

  public AutomationsApi automations() {
    return automations;
  }
}
