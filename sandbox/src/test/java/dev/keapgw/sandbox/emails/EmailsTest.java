package dev.keapgw.sandbox.emails;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.CrmTestSupport;
import dev.keapgw.sandbox.SandboxFixture;
import dev.keapgw.sandbox.TestHttp;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EmailsTest {
  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  @RegisterExtension
  static final SandboxFixture FIX =
      new SandboxFixture(SandboxFixture.testConfig().withClock(Clock.fixed(NOW, ZoneOffset.UTC)));

  @Test
  void listsSeededEmailsWithoutTheirContent() {
    TestHttp.Reply r = FIX.api().get("/emails?filter=end_created_time%3D%3D2026-02-28T00:00:00Z");
    assertThat(r.status()).isEqualTo(200);
    JsonNode emails = r.json().get("emails");
    assertThat(emails).hasSize(5);
    JsonNode first = emails.get(0);
    assertThat(first.get("subject").asText()).isEqualTo("Welcome aboard");
    assertThat(first.get("original_provider").asText()).isEqualTo("INFUSIONSOFT");
    assertThat(first.get("sent_to_cc_address_list").isArray()).isTrue();
    assertThat(first.has("html_content")).isFalse();
    assertThat(first.has("plain_content")).isFalse();
    assertThat(r.json().get("next_page_token").asText()).isEmpty();
  }

  @Test
  void oneEmailCarriesItsContentInBase64() {
    TestHttp.Reply r = FIX.api().get("/emails/1");
    assertThat(r.status()).isEqualTo(200);
    assertThat(decode(r.json().get("html_content")))
        .isEqualTo("<p>Hello,</p><p>Welcome aboard.</p>");
    assertThat(decode(r.json().get("plain_content"))).isEqualTo("Welcome aboard.");
    TestHttp.Reply missing = FIX.api().get("/emails/999");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().at("/details/0/domain").asText()).isEqualTo("email");
  }

  @Test
  void aSentEmailIsListedOncePerRecipient() {
    String ann = CrmTestSupport.contactId(FIX, "Ann", null, "ann.send@example.com");
    ObjectNode body = send(ann, "999999");
    body.put("user_id", "1");
    body.put("html_content", b64("<h1>Hi Ann</h1>"));
    body.put("plain_content", b64("Hi Ann"));
    TestHttp.Reply sent = FIX.api().post("/emails:send", body);
    assertThat(sent.status()).isEqualTo(202);
    assertThat(sent.body()).isEmpty();

    JsonNode list =
        FIX.api().get("/emails?filter=contact_id%3D%3D" + ann).json().get("emails");
    assertThat(list).hasSize(1);
    JsonNode e = list.get(0);
    assertThat(e.get("subject").asText()).isEqualTo("Spring news");
    assertThat(e.get("sent_to_address").asText()).isEqualTo("ann.send@example.com");
    assertThat(e.get("sent_from_address").asText()).isEqualTo(userEmail("1"));
    assertThat(e.get("sent_time").asText()).isEqualTo("2026-03-01T12:00:00.000Z");
    JsonNode full = FIX.api().get("/emails/" + e.get("id").asText()).json();
    assertThat(decode(full.get("html_content"))).isEqualTo("<h1>Hi Ann</h1>");
    assertThat(decode(full.get("plain_content"))).isEqualTo("Hi Ann");

    JsonNode unknown =
        FIX.api().get("/emails?filter=contact_id%3D%3D999999").json().get("emails");
    assertThat(unknown).hasSize(1);
    assertThat(unknown.get(0).has("sent_to_address")).isFalse();
    assertThat(FIX.api()
            .get("/emails?filter=email%3D%3DANN.SEND@example.com")
            .json()
            .get("emails"))
        .hasSize(1);
  }

  @Test
  void rawHtmlIsTakenAsTheContentItself() {
    String bo = CrmTestSupport.contactId(FIX, "Bo", null, "bo@example.com");
    ObjectNode body = send(bo);
    body.put("from_address", "sales@example.com");
    body.put("html_content", "<p>Email body</p>");
    assertThat(FIX.api().post("/emails:send", body).status()).isEqualTo(202);
    JsonNode e = FIX.api().get("/emails?filter=contact_id%3D%3D" + bo).json().at("/emails/0");
    assertThat(e.get("sent_from_address").asText()).isEqualTo("sales@example.com");
    assertThat(decode(FIX.api().get("/emails/" + e.get("id").asText()).json().get("html_content")))
        .isEqualTo("<p>Email body</p>");
  }

  @Test
  void newEmailsComeLastInCreatedTimeOrderAndMatchTheTimeFilters() {
    String cy = CrmTestSupport.contactId(FIX, "Cy", null, "cy@example.com");
    ObjectNode body = send(cy);
    body.put("user_id", "2");
    assertThat(FIX.api().post("/emails:send", body).status()).isEqualTo(202);
    JsonNode desc =
        FIX.api().get("/emails?order_by=created_time%20desc&page_size=1").json();
    assertThat(desc.at("/emails/0/sent_time").asText()).isEqualTo("2026-03-01T12:00:00.000Z");
    assertThat(desc.get("next_page_token").asText()).isNotEmpty();
    JsonNode recent = FIX.api()
        .get("/emails?filter=start_created_time%3D%3D2026-03-01T11:00:00Z")
        .json()
        .get("emails");
    assertThat(recent).isNotEmpty();
    recent.forEach(
        e -> assertThat(e.get("sent_time").asText()).isEqualTo("2026-03-01T12:00:00.000Z"));
    TestHttp.Reply bad = FIX.api().get("/emails?filter=start_created_time%3D%3Dyesterday");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().at("/details/0/resource").asText()).isEqualTo("start_created_time");
  }

  @Test
  void sendValidationNamesTheField() {
    assertRejected("{\"subject\":\"x\",\"user_id\":\"1\"}", "contacts");
    assertRejected(
        "{\"contacts\":[{\"id\":\"9\"}],\"subject\":\"Hello\",\"user_id\":\"1\"}", "contacts");
    assertRejected("{\"contacts\":[],\"subject\":\"x\",\"user_id\":\"1\"}", "contacts");
    assertRejected("{\"contacts\":[\"nine\"],\"subject\":\"x\",\"user_id\":\"1\"}", "contacts");
    assertRejected("{\"contacts\":[\"9\"],\"user_id\":\"1\"}", "subject");
    assertRejected("{\"contacts\":[\"9\"],\"subject\":\"x\"}", "user_id");
    assertRejected(
        "{\"contacts\":[\"9\"],\"subject\":\"x\",\"user_id\":\"1\",\"from_address\":\"a@b.co\"}",
        "user_id");
    assertRejected("{\"contacts\":[\"9\"],\"subject\":\"x\",\"user_id\":\"77\"}", "user_id");
    assertRejected(
        "{\"contacts\":[\"9\"],\"subject\":\"x\",\"from_address\":\"nobody\"}", "from_address");
    assertRejected(
        "{\"contacts\":[\"9\"],\"subject\":\"x\",\"user_id\":\"1\",\"address_field\":\"email\"}",
        "address_field");
    TestHttp.Reply both = FIX.api()
        .post(
            "/emails:send",
            "{\"contacts\":[\"9\"],\"subject\":\"x\",\"user_id\":\"1\",\"from_address\":\"a@b.co\"}");
    assertThat(both.json().at("/details/1/resource").asText()).isEqualTo("from_address");
    assertThat(FIX.api().post("/emails:send", "{not json").status()).isEqualTo(400);
  }

  @Test
  void attachmentsAreLimitedInNumberSizeAndType() {
    ObjectNode ok = send("9");
    ok.put("user_id", "1");
    ok.putArray("attachments")
        .addObject()
        .put("file_name", "quote.PDF")
        .put("file_data", b64("%PDF-1.4"));
    assertThat(FIX.api().post("/emails:send", ok).status()).isEqualTo(202);

    ObjectNode eleven = send("9");
    eleven.put("user_id", "1");
    ArrayNode many = eleven.putArray("attachments");
    for (int i = 0; i < 11; i++) {
      many.addObject().put("file_name", "f" + i + ".txt").put("file_data", b64("x" + i));
    }
    assertRejected(eleven.toString(), "attachments");

    ObjectNode big = send("9");
    big.put("user_id", "1");
    big.putArray("attachments")
        .addObject()
        .put("file_name", "big.txt")
        .put("file_data", Base64.getEncoder().encodeToString(new byte[1024 * 1024 + 1]));
    assertRejected(big.toString(), "attachments[0].file_data");

    ObjectNode exe = send("9");
    exe.put("user_id", "1");
    exe.putArray("attachments").addObject().put("file_name", "run.exe").put("file_data", b64("MZ"));
    TestHttp.Reply r = assertRejected(exe.toString(), "attachments[0].file_name");
    assertThat(r.json().get("message").asText()).contains("attachment type is invalid");

    ObjectNode notBase64 = send("9");
    notBase64.put("user_id", "1");
    notBase64
        .putArray("attachments")
        .addObject()
        .put("file_name", "a.txt")
        .put("file_data", "not base64!");
    assertRejected(notBase64.toString(), "attachments[0].file_data");
  }

  private static TestHttp.Reply assertRejected(String body, String field) {
    TestHttp.Reply r = FIX.api().post("/emails:send", body);
    assertThat(r.status()).as(body).isEqualTo(400);
    assertThat(r.json().at("/details/0/resource").asText()).as(body).isEqualTo(field);
    return r;
  }

  private static ObjectNode send(String... contacts) {
    ObjectNode b = TestHttp.obj();
    ArrayNode c = b.putArray("contacts");
    for (String id : contacts) {
      c.add(id);
    }
    b.put("subject", "Spring news");
    return b;
  }

  private static String userEmail(String id) {
    return FIX.api().get("/users/" + id).json().at("/email_addresses/0/email").asText();
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(JsonNode base64) {
    return new String(Base64.getDecoder().decode(base64.asText()), StandardCharsets.UTF_8);
  }
}
