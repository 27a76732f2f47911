package dev.keapgw.sandbox.emails;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.KeapModule.SeedPlan;
import dev.keapgw.sandbox.http.ApiException;
import dev.keapgw.sandbox.refs.References;
import dev.keapgw.sandbox.store.Table;
import dev.keapgw.sandbox.store.Tenant;
import dev.keapgw.sandbox.store.World;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Five emails sent over the past weeks by the account's first user, the same on every run
 * with the same plan. They go to the first seeded contacts when there are any, else to
 * addresses that belong to no contact (as emails synced from a mailbox do).
 */
final class EmailSeed {
  private EmailSeed() {}

  private static final String[] SUBJECTS = {
    "Welcome aboard",
    "Your quote is ready",
    "Spring offer: 20% off",
    "Following up on our call",
    "Thanks for your order",
  };

  static void seed(Tenant tenant, SeedPlan plan, Instant now) {
    Table emails = tenant.table(EmailsModule.TABLE);
    if (emails.size() > 0) {
      return;
    }
    Random rnd = new Random(plan.randomSeed() * 31 + 29);
    String from = sender(tenant);
    // without a contacts module the emails go to addresses outside the account
    List<ObjectNode> contacts = References.first(tenant, Recipients.CONTACTS, SUBJECTS.length);
    Instant sent = now.minus(Duration.ofDays(30));
    for (int i = 0; i < SUBJECTS.length; i++) {
      sent = sent.plus(Duration.ofHours(24 + rnd.nextInt(96)));
      String contactId = null;
      String to = "reader" + (i + 1) + "@example.org";
      if (!contacts.isEmpty()) {
        ObjectNode c = contacts.get(i % contacts.size());
        contactId = c.path("id").asText();
        to = Recipients.address(c, null).orElse(null);
      }
      String opened = rnd.nextBoolean()
          ? World.timestamp(sent.plus(Duration.ofMinutes(5 + rnd.nextInt(600))))
          : null;
      String html = "<p>Hello,</p><p>" + SUBJECTS[i] + ".</p>";
      SentEmails.record(
          emails,
          tenant,
          new SentEmails.Sent(
              contactId,
              to,
              from,
              SUBJECTS[i],
              World.timestamp(sent),
              opened,
              base64(html),
              base64(SUBJECTS[i] + ".")));
    }
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String sender(Tenant tenant) {
    try {
      return Recipients.userAddress(tenant, "1");
    } catch (ApiException noUser) {
      return "owner@" + tenant.id() + ".example.com";
    }
  }
}
