package dev.keapgw.client.tags;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A category of tags.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TagCategory(
    String id,
    String name,
    String description,
    @JsonProperty("create_time") String createTime,
    @JsonProperty("update_time") String updateTime) {}
