package dev.keapgw.gateway.traffic;

/**
 * One of the last requests, as the console lists them: nothing secret, the query by its
 * parameter names only.
 *
 * @param query parameter names with their values hidden, or null
 */
public record RecentRequest(
    long epochMillis,
    String method,
    String path,
    String query,
    int status,
    long durationMicros,
    String requestId,
    String accountId,
    String connectionId) {}
