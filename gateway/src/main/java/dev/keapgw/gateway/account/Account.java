package dev.keapgw.gateway.account;

import java.time.Instant;

/**
 * A customer of the gateway: its API keys and connections belong to it.
 *
 * @param rateLimitPerSecond its own request rate, or null for the gateway's default
 * @param mcpReadOnly its MCP tools may only read: tools that change anything are refused
 */
public record Account(
    String id, String name, Integer rateLimitPerSecond, Instant createdAt, boolean mcpReadOnly) {}
