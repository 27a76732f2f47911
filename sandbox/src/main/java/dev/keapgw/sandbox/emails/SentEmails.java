package dev.keapgw.sandbox.emails;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.store.Table;
import dev.keapgw.sandbox.store.Tenant;

/** Records sent emails: one row per recipient, shaped as Keap's {@code EmailSentWithContent}. */
final class SentEmails {
  private SentEmails() {}

  /**
   * Records {@code request} as sent now to each of its contacts, all or none. A contact that
   * does not exist, or has no address in the chosen slot, still gets a row, without
   * {@code sent_to_address}.
   */
  static void send(Tenant tenant, SendRequest request, String now) {
    String from = request.fromAddress() != null
        ? request.fromAddress()
        : Recipients.userAddress(tenant, request.userId());
    tenant.write(() -> {
      Table emails = tenant.table(EmailsModule.TABLE);
      for (String contactId : request.contacts()) {
        String to = Recipients.contact(tenant, contactId)
            .flatMap(c -> Recipients.address(c, request.addressField()))
            .orElse(null);
        record(
            emails,
            tenant,
            new Sent(
                contactId,
                to,
                from,
                request.subject(),
                now,
                null,
                request.htmlContent(),
                request.plainContent()));
      }
    });
  }

  /** What one stored email says, apart from its id. */
  record Sent(
      String contactId,
      String to,
      String from,
      String subject,
      String sentTime,
      String openedTime,
      String htmlBase64,
      String plainBase64) {}

  /** Stores one sent email under a fresh id and returns its row. */
  static ObjectNode record(Table emails, Tenant tenant, Sent s) {
    long id = emails.nextId();
    ObjectNode e = Json.object();
    e.put("id", Long.toString(id));
    e.put("subject", s.subject());
    Json.putText(e, "contact_id", s.contactId());
    Json.putText(e, "sent_to_address", s.to());
    e.putArray("sent_to_cc_address_list");
    e.putArray("sent_to_bcc_address_list");
    e.put("sent_from_address", s.from());
    e.put("sent_from_reply_address", s.from());
    e.put("sent_time", s.sentTime());
    Json.putText(e, "opened_time", s.openedTime());
    e.put("original_provider_id", "<" + id + "." + tenant.id() + "@sandbox.infusionmail.com>");
    e.put("original_provider", "INFUSIONSOFT");
    e.put("plain_content", s.plainBase64());
    e.put("html_content", s.htmlBase64());
    emails.put(id, e);
    return e;
  }
}
