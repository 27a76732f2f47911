package dev.keapgw.client.emails;

import dev.keapgw.client.common.Body;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /v2/emails:send}: recipients (contact ids), a subject, exactly one of
 * {@code userId} or {@code fromAddress}, and content. Keap wants the content in Base64:
 * {@link #html(String)} and {@link #plain(String)} encode it for you.
 */
public final class EmailSend extends Body<EmailSend> {
  public EmailSend contacts(List<String> value) {
    return set("contacts", value);
  }

  public EmailSend subject(String value) {
    return set("subject", value);
  }

  public EmailSend userId(String value) {
    return set("user_id", value);
  }

  public EmailSend fromAddress(String value) {
    return set("from_address", value);
  }

  public EmailSend addressField(String value) {
    return set("address_field", value);
  }

  /** The recipients, by contact id. */
  public EmailSend to(String... contactIds) {
    return contacts(List.of(contactIds));
  }

  /** The HTML body, encoded to Base64 here. */
  public EmailSend html(String html) {
    return set("html_content", base64(html));
  }

  /** The text body, encoded to Base64 here. */
  public EmailSend plain(String text) {
    return set("plain_content", base64(text));
  }

  /** Attaches a file (at most 10, each up to 1 MB). */
  @SuppressWarnings("unchecked")
  public EmailSend attach(String fileName, byte[] data) {
    List<Map<String, String>> list = new ArrayList<>(
        (List<Map<String, String>>) fields().getOrDefault("attachments", List.of()));
    list.add(Map.of("file_name", fileName, "file_data", Base64.getEncoder().encodeToString(data)));
    return set("attachments", list);
  }

  private static String base64(String s) {
    return s == null
        ? null
        : Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
