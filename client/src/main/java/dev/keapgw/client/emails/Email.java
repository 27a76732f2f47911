package dev.keapgw.client.emails;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * An email sent to a contact. {@code plainContent} and {@code htmlContent} (Base64) come only from
 * {@code GET /v2/emails/{id}}; {@link #html()} and {@link #plain()} decode them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Email(
    String id,
    String subject,
    String headers,
    @JsonProperty("contact_id") String contactId,
    @JsonProperty("sent_to_address") String sentToAddress,
    @JsonProperty("sent_to_cc_address_list") List<String> sentToCcAddressList,
    @JsonProperty("sent_to_bcc_address_list") List<String> sentToBccAddressList,
    @JsonProperty("sent_from_address") String sentFromAddress,
    @JsonProperty("sent_from_reply_address") String sentFromReplyAddress,
    @JsonProperty("sent_time") String sentTime,
    @JsonProperty("received_time") String receivedTime,
    @JsonProperty("opened_time") String openedTime,
    @JsonProperty("clicked_time") String clickedTime,
    @JsonProperty("original_provider_id") String originalProviderId,
    @JsonProperty("original_provider") String originalProvider,
    @JsonProperty("provider_source_id") String providerSourceId,
    @JsonProperty("plain_content") String plainContent,
    @JsonProperty("html_content") String htmlContent) {
  /** The HTML body decoded, or null if the answer had none. */
  public String html() {
    return decode(htmlContent);
  }

  /** The text body decoded, or null if the answer had none. */
  public String plain() {
    return decode(plainContent);
  }

  private static String decode(String b64) {
    return b64 == null
        ? null
        : new String(Base64.getMimeDecoder().decode(b64), StandardCharsets.UTF_8);
  }
}
