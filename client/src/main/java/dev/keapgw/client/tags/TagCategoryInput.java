package dev.keapgw.client.tags;

import dev.keapgw.client.common.Body;

/**
 * The body of a tag category create.
 */
public final class TagCategoryInput extends Body<TagCategoryInput> {
  public TagCategoryInput name(String value) {
    return set("name", value);
  }

  public TagCategoryInput description(String value) {
    return set("description", value);
  }
}
