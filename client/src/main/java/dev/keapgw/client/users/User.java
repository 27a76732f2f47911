package dev.keapgw.client.users;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.keapgw.client.common.Address;
import dev.keapgw.client.common.EmailAddress;
import dev.keapgw.client.common.FaxNumber;
import dev.keapgw.client.common.PhoneNumber;
import dev.keapgw.client.common.SocialAccount;
import java.util.List;

/**
 * A user of the Keap account. {@code status} is ACTIVE, INVITED, INACTIVE or NOT_A_USER.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record User(
    String id,
    @JsonProperty("global_user_id") String globalUserId,
    @JsonProperty("keap_id") String keapId,
    @JsonProperty("given_name") String givenName,
    @JsonProperty("middle_name") String middleName,
    @JsonProperty("family_name") String familyName,
    String nickname,
    @JsonProperty("spouse_name") String spouseName,
    String suffix,
    String title,
    String website,
    Boolean partner,
    Boolean admin,
    String status,
    Address address,
    @JsonProperty("phone_numbers") List<PhoneNumber> phoneNumbers,
    @JsonProperty("fax_numbers") List<FaxNumber> faxNumbers,
    @JsonProperty("email_addresses") List<EmailAddress> emailAddresses,
    @JsonProperty("social_accounts") List<SocialAccount> socialAccounts,
    @JsonProperty("company_name") String companyName,
    @JsonProperty("created_by") String createdBy,
    @JsonProperty("create_time") String createTime,
    @JsonProperty("updated_by") String updatedBy,
    @JsonProperty("update_time") String updateTime) {}
