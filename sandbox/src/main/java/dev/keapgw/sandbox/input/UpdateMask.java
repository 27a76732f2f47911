package dev.keapgw.sandbox.input;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.http.ApiException;
import dev.keapgw.sandbox.http.KeapRequest;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A PATCH's {@code update_mask} (repeated or comma-separated): when present, only the listed
 * properties of the body are applied and the rest are skipped. A listed property that the
 * body does not carry is left as it is. A name outside the operation's enum answers 400.
 */
public final class UpdateMask {
  private final Set<String> fields;

  private UpdateMask(Set<String> fields) {
    this.fields = fields;
  }

  public static UpdateMask of(KeapRequest r, Set<String> allowed, String domain) {
    List<String> values = r.paramList("update_mask");
    for (String v : values) {
      if (!allowed.contains(v)) {
        throw ApiException.invalidField(
            domain,
            "update_mask",
            "Unknown property '" + v + "' in update_mask; allowed: "
                + String.join(", ", new java.util.TreeSet<>(allowed)));
      }
    }
    return new UpdateMask(new LinkedHashSet<>(values));
  }

  /** The part of {@code body} this mask lets through (the whole body when there is no mask). */
  public ObjectNode filter(ObjectNode body) {
    if (fields.isEmpty()) {
      return body;
    }
    ObjectNode out = body.deepCopy();
    out.retain(fields);
    return out;
  }
}
