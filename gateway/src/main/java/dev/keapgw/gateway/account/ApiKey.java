package dev.keapgw.gateway.account;

import java.time.Instant;

/** An API key as listed: never its secret, which is stored only as a hash. */
public record ApiKey(
    String id, String accountId, String name, Instant createdAt, Instant lastUsedAt) {}
