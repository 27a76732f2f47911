package dev.keapgw.client.companies;

import dev.keapgw.client.common.Address;
import dev.keapgw.client.common.Body;
import dev.keapgw.client.common.CustomFieldValue;
import dev.keapgw.client.common.EmailAddress;
import dev.keapgw.client.common.FaxNumber;
import dev.keapgw.client.common.PhoneNumber;
import java.util.List;

/**
 * The body of a company create or update (only the fields set are sent).
 */
public final class CompanyInput extends Body<CompanyInput> {
  public CompanyInput companyName(String value) {
    return set("company_name", value);
  }

  public CompanyInput website(String value) {
    return set("website", value);
  }

  public CompanyInput notes(String value) {
    return set("notes", value);
  }

  public CompanyInput address(Address value) {
    return set("address", value);
  }

  public CompanyInput emailAddress(EmailAddress value) {
    return set("email_address", value);
  }

  public CompanyInput phoneNumber(PhoneNumber value) {
    return set("phone_number", value);
  }

  public CompanyInput faxNumber(FaxNumber value) {
    return set("fax_number", value);
  }

  public CompanyInput firstName(String value) {
    return set("first_name", value);
  }

  public CompanyInput middleName(String value) {
    return set("middle_name", value);
  }

  public CompanyInput lastName(String value) {
    return set("last_name", value);
  }

  public CompanyInput preferredName(String value) {
    return set("preferred_name", value);
  }

  public CompanyInput suffix(String value) {
    return set("suffix", value);
  }

  public CompanyInput title(String value) {
    return set("title", value);
  }

  public CompanyInput jobTitle(String value) {
    return set("job_title", value);
  }

  public CompanyInput contactType(String value) {
    return set("contact_type", value);
  }

  public CompanyInput ownerId(String value) {
    return set("owner_id", value);
  }

  public CompanyInput birthDate(String value) {
    return set("birth_date", value);
  }

  public CompanyInput anniversaryDate(String value) {
    return set("anniversary_date", value);
  }

  public CompanyInput spouseName(String value) {
    return set("spouse_name", value);
  }

  public CompanyInput assistantName(String value) {
    return set("assistant_name", value);
  }

  public CompanyInput assistantPhone(String value) {
    return set("assistant_phone", value);
  }

  public CompanyInput billingInformation(String value) {
    return set("billing_information", value);
  }

  public CompanyInput referralCode(String value) {
    return set("referral_code", value);
  }

  public CompanyInput customFields(List<CustomFieldValue> value) {
    return set("custom_fields", value);
  }

  /** The company's email address. */
  public CompanyInput email(String email) {
    return emailAddress(EmailAddress.of(email, "EMAIL1"));
  }
}
