package dev.keapgw.sandbox.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.SandboxContext;
import dev.keapgw.sandbox.http.ApiException;
import dev.keapgw.sandbox.http.KeapRequest;
import dev.keapgw.sandbox.http.KeapResponse;
import dev.keapgw.sandbox.http.Routes;
import dev.keapgw.sandbox.list.ListSpec;
import dev.keapgw.sandbox.list.Lister;
import dev.keapgw.sandbox.store.Table;
import java.util.function.Function;

/**
 * The table a resource is kept in, as its routes use it: the request's tenant's table, one
 * row by the id a path names (404 naming {@code domain} when there is none), deleting by that
 * id, and the list and get-by-id routes that most resources have.
 *
 * @param table the table's name
 * @param domain the resource as a 404 names it ({@code "task"})
 */
public record ResourceTable(String table, String domain) {
  /** The table of the request's tenant. */
  public Table of(SandboxContext ctx, KeapRequest r) {
    return ctx.world().tenant(r.tenantId()).table(table);
  }

  /** The row with the id of path parameter {@code idParam}, or a 404. */
  public ObjectNode get(SandboxContext ctx, KeapRequest r, String idParam) {
    return get(of(ctx, r), r.pathParam(idParam));
  }

  public ObjectNode get(Table rows, String id) {
    return rows.get(id).orElseThrow(() -> ApiException.notFound(domain, id));
  }

  /** Deletes the row with the id of path parameter {@code idParam}: the 204 to answer, or a 404. */
  public KeapResponse delete(SandboxContext ctx, KeapRequest r, String idParam) {
    String id = r.pathParam(idParam);
    Long n = Table.parseId(id);
    if (n == null || !of(ctx, r).remove(n)) {
      throw ApiException.notFound(domain, id);
    }
    return KeapResponse.empty(204);
  }

  /**
   * {@code GET path}, the list (each row answered through {@code item}), and
   * {@code GET path/{idParam}}, one row as stored.
   */
  public Routes listAndGet(
      Routes api,
      SandboxContext ctx,
      String path,
      String idParam,
      ListSpec spec,
      Function<ObjectNode, JsonNode> item) {
    return api.get(
            path,
            r -> KeapResponse.json(
                200, ctx.lister().list(r, spec, Lister.Source.all(of(ctx, r)), item)))
        .get(path + "/{" + idParam + "}", r -> KeapResponse.json(200, get(ctx, r, idParam)));
  }
}
