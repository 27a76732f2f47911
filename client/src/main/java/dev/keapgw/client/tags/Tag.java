package dev.keapgw.client.tags;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.keapgw.client.common.Ref;

/**
 * A tag, optionally in a category.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Tag(
    String id,
    String name,
    String description,
    Ref category,
    @JsonProperty("create_time") String createTime,
    @JsonProperty("update_time") String updateTime) {}
