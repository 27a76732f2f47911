package dev.keapgw.client.tags;

import dev.keapgw.client.common.Body;
import dev.keapgw.client.common.Ref;

/**
 * The body of a tag create or update.
 */
public final class TagInput extends Body<TagInput> {
  public TagInput name(String value) {
    return set("name", value);
  }

  public TagInput description(String value) {
    return set("description", value);
  }

  /** The category the tag belongs to, by id. */
  public TagInput categoryId(String id) {
    return set("category", Ref.of(id));
  }
}
