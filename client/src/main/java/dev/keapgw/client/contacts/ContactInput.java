package dev.keapgw.client.contacts;

import dev.keapgw.client.common.Address;
import dev.keapgw.client.common.Body;
import dev.keapgw.client.common.CustomFieldValue;
import dev.keapgw.client.common.EmailAddress;
import dev.keapgw.client.common.FaxNumber;
import dev.keapgw.client.common.PhoneNumber;
import dev.keapgw.client.common.Ref;
import dev.keapgw.client.common.SocialAccount;
import java.util.List;

/**
 * The body of a contact create or update: only the fields set are sent, so an update changes
 * only those. Keap replaces arrays whole: an update with {@code emailAddresses} drops the
 * addresses it does not list. A create needs at least one email address, phone number or address.
 */
public final class ContactInput extends Body<ContactInput> {
  public ContactInput givenName(String value) {
    return set("given_name", value);
  }

  public ContactInput middleName(String value) {
    return set("middle_name", value);
  }

  public ContactInput familyName(String value) {
    return set("family_name", value);
  }

  public ContactInput preferredName(String value) {
    return set("preferred_name", value);
  }

  public ContactInput prefix(String value) {
    return set("prefix", value);
  }

  public ContactInput suffix(String value) {
    return set("suffix", value);
  }

  public ContactInput emailAddresses(List<EmailAddress> value) {
    return set("email_addresses", value);
  }

  public ContactInput phoneNumbers(List<PhoneNumber> value) {
    return set("phone_numbers", value);
  }

  public ContactInput faxNumbers(List<FaxNumber> value) {
    return set("fax_numbers", value);
  }

  public ContactInput addresses(List<Address> value) {
    return set("addresses", value);
  }

  public ContactInput socialAccounts(List<SocialAccount> value) {
    return set("social_accounts", value);
  }

  public ContactInput jobTitle(String value) {
    return set("job_title", value);
  }

  public ContactInput website(String value) {
    return set("website", value);
  }

  public ContactInput contactType(String value) {
    return set("contact_type", value);
  }

  public ContactInput ownerId(String value) {
    return set("owner_id", value);
  }

  public ContactInput leadSourceId(String value) {
    return set("leadsource_id", value);
  }

  public ContactInput sourceType(String value) {
    return set("source_type", value);
  }

  public ContactInput customFields(List<CustomFieldValue> value) {
    return set("custom_fields", value);
  }

  public ContactInput timeZone(String value) {
    return set("time_zone", value);
  }

  public ContactInput preferredLocale(String value) {
    return set("preferred_locale", value);
  }

  public ContactInput spouseName(String value) {
    return set("spouse_name", value);
  }

  public ContactInput birthDate(String value) {
    return set("birth_date", value);
  }

  public ContactInput anniversaryDate(String value) {
    return set("anniversary_date", value);
  }

  public ContactInput referralCode(String value) {
    return set("referral_code", value);
  }

  public ContactInput assistantName(String value) {
    return set("assistant_name", value);
  }

  public ContactInput assistantPhone(String value) {
    return set("assistant_phone", value);
  }

  public ContactInput billingInformation(String value) {
    return set("billing_information", value);
  }

  /** A single EMAIL1 address (replacing the contact's addresses on an update). */
  public ContactInput email(String email) {
    return emailAddresses(List.of(EmailAddress.of(email, "EMAIL1")));
  }

  /** A single PHONE1 number. */
  public ContactInput phone(String number) {
    return phoneNumbers(List.of(PhoneNumber.of(number, "PHONE1")));
  }

  /** The company the contact works for, by id. */
  public ContactInput companyId(String id) {
    return set("company", Ref.of(id));
  }
}
