package dev.keapgw.client.companies;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.keapgw.client.common.Address;
import dev.keapgw.client.common.CustomFieldValue;
import dev.keapgw.client.common.EmailAddress;
import dev.keapgw.client.common.FaxNumber;
import dev.keapgw.client.common.PhoneNumber;
import java.util.List;

/**
 * A company. By default Keap leaves out {@code address}, {@code email_address},
 * {@code phone_number}, {@code fax_number}, {@code notes}, {@code custom_fields} and the times; ask for them with
 * {@code fields}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Company(
    String id,
    @JsonProperty("company_name") String companyName,
    Address address,
    @JsonProperty("email_address") EmailAddress emailAddress,
    @JsonProperty("phone_number") PhoneNumber phoneNumber,
    @JsonProperty("fax_number") FaxNumber faxNumber,
    String website,
    String notes,
    String suffix,
    String title,
    String groups,
    @JsonProperty("custom_fields") List<CustomFieldValue> customFields,
    @JsonProperty("anniversary_date") String anniversaryDate,
    @JsonProperty("assistant_name") String assistantName,
    @JsonProperty("assistant_phone") String assistantPhone,
    @JsonProperty("billing_information") String billingInformation,
    @JsonProperty("birth_date") String birthDate,
    @JsonProperty("contact_type") String contactType,
    @JsonProperty("first_name") String firstName,
    @JsonProperty("job_title") String jobTitle,
    @JsonProperty("last_name") String lastName,
    @JsonProperty("middle_name") String middleName,
    @JsonProperty("preferred_name") String preferredName,
    @JsonProperty("owner_id") String ownerId,
    @JsonProperty("referral_code") String referralCode,
    @JsonProperty("spouse_name") String spouseName,
    @JsonProperty("account_id") String accountId,
    @JsonProperty("created_by") String createdBy,
    @JsonProperty("last_updated_by") String lastUpdatedBy,
    @JsonProperty("create_time") String createTime,
    @JsonProperty("update_time") String updateTime) {}
