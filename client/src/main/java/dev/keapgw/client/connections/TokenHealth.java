package dev.keapgw.client.connections;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a connection's tokens are doing: the gateway's addition to {@code GET /connections/{id}}
 * (field {@code token_health}, docs/API.md), the same figures the web console shows. Times are
 * the gateway's ISO-8601 UTC strings, as in {@link Connection}.
 *
 * @param accessTokenExpiresTime when the current access token expires (null before the first token)
 * @param lastRefreshTime when the gateway last refreshed the tokens (null if never)
 * @param nextRefreshTime when the gateway will refresh by itself (null unless ACTIVE)
 * @param backingOff an ACTIVE connection waiting to retry a refresh that failed for a passing reason
 * @param refreshFailures failed refreshes in a row (0 after a success)
 * @param lastRefreshError why the last failed refresh failed (kept after a later success), or null
 * @param lastRefreshErrorTime when it failed, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TokenHealth(
    @JsonProperty("access_token_expires_time") String accessTokenExpiresTime,
    @JsonProperty("last_refresh_time") String lastRefreshTime,
    @JsonProperty("next_refresh_time") String nextRefreshTime,
    @JsonProperty("backing_off") boolean backingOff,
    @JsonProperty("refresh_failures") int refreshFailures,
    @JsonProperty("last_refresh_error") String lastRefreshError,
    @JsonProperty("last_refresh_error_time") String lastRefreshErrorTime) {}
