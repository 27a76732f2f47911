package dev.keapgw.gateway.mcp.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One operation of an app's API as an agent uses it: Keap's OpenAPI operation, named by its
 * operation id.
 *
 * @param name the operation id ({@code applyTags}), unique within the app
 * @param method the HTTP method, upper case
 * @param path the data-plane path template ({@code /keap/crm/rest/v2/tags/{tag_id}/contacts:applyTags})
 * @param summary one line from the spec
 * @param description the spec's longer text (may be empty)
 * @param group the spec's first tag ({@code Tags}, {@code Contact})
 * @param pathParams parameters in the path, in the order the path names them
 * @param queryParams parameters of the query string
 * @param body the request body's JSON schema, self-contained ({@code $defs}); null without a body
 * @param bodyRequired whether the spec requires a body
 * @param bodyContentType the body's media type ({@code application/json}; a few upload files as
 *     {@code multipart/form-data}, which the tools cannot send)
 */
public record Action(
    String name,
    String method,
    String path,
    String summary,
    String description,
    String group,
    List<Param> pathParams,
    List<Param> queryParams,
    ObjectNode body,
    boolean bodyRequired,
    String bodyContentType) {

  /** A path or query parameter with its JSON schema (never a {@code $ref}: the spec writes them inline). */
  public record Param(String name, boolean required, String description, ObjectNode schema) {}

  /** True when the method does not change anything ({@code GET}, {@code HEAD}). */
  public boolean readOnly() {
    return method.equals("GET") || method.equals("HEAD");
  }

  public boolean jsonBody() {
    return body != null && "application/json".equals(bodyContentType);
  }
}
