package dev.keapgw.client.common;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A social network handle; {@code type} is e.g. FACEBOOK, LINKED_IN, TWITTER.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SocialAccount(String name, String type) {}
