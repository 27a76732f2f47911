package dev.keapgw.client.contacts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.keapgw.client.common.Address;
import dev.keapgw.client.common.CustomFieldValue;
import dev.keapgw.client.common.EmailAddress;
import dev.keapgw.client.common.FaxNumber;
import dev.keapgw.client.common.PhoneNumber;
import dev.keapgw.client.common.SocialAccount;
import java.util.List;

/**
 * A Keap contact as {@code GET /v2/contacts/{id}} returns it (a list returns fewer fields unless
 * {@code fields} asks for more). Arrays are empty rather than null in Keap's answers; times are
 * ISO-8601 strings as Keap sent them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Contact(
    String id,
    @JsonProperty("given_name") String givenName,
    @JsonProperty("middle_name") String middleName,
    @JsonProperty("family_name") String familyName,
    @JsonProperty("preferred_name") String preferredName,
    String prefix,
    String suffix,
    @JsonProperty("email_addresses") List<EmailAddress> emailAddresses,
    @JsonProperty("phone_numbers") List<PhoneNumber> phoneNumbers,
    @JsonProperty("fax_numbers") List<FaxNumber> faxNumbers,
    List<Address> addresses,
    @JsonProperty("social_accounts") List<SocialAccount> socialAccounts,
    ContactCompany company,
    @JsonProperty("job_title") String jobTitle,
    String website,
    @JsonProperty("contact_type") String contactType,
    @JsonProperty("owner_id") String ownerId,
    @JsonProperty("leadsource_id") String leadSourceId,
    @JsonProperty("source_type") String sourceType,
    Origin origin,
    @JsonProperty("tag_ids") List<String> tagIds,
    String groups,
    @JsonProperty("custom_fields") List<CustomFieldValue> customFields,
    List<ContactLink> links,
    @JsonProperty("utm_parameters") List<UtmParameter> utmParameters,
    @JsonProperty("score_value") String scoreValue,
    @JsonProperty("time_zone") String timeZone,
    @JsonProperty("preferred_locale") String preferredLocale,
    @JsonProperty("spouse_name") String spouseName,
    @JsonProperty("birth_date") String birthDate,
    @JsonProperty("anniversary_date") String anniversaryDate,
    @JsonProperty("referral_code") String referralCode,
    @JsonProperty("assistant_name") String assistantName,
    @JsonProperty("assistant_phone") String assistantPhone,
    @JsonProperty("billing_information") String billingInformation,
    @JsonProperty("account_id") String accountId,
    @JsonProperty("created_by") String createdBy,
    @JsonProperty("last_updated_by") String lastUpdatedBy,
    @JsonProperty("create_time") String createTime,
    @JsonProperty("update_time") String updateTime) {

  /** The EMAIL1 address, else the first one, else null. */
  public String primaryEmail() {
    if (emailAddresses == null || emailAddresses.isEmpty()) {
      return null;
    }
    return emailAddresses.stream()
        .filter(e -> "EMAIL1".equals(e.field()))
        .findFirst()
        .orElse(emailAddresses.get(0))
        .email();
  }
}
