package dev.keapgw.cli.commands;

import dev.keapgw.cli.output.Column;
import dev.keapgw.client.http.JsonApi;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One resource as the command line offers it: its name, where it lives, which of list, get,
 * create, update and delete it has, and the columns of its table.
 *
 * @param name the command name, e.g. {@code contacts}
 * @param singular for messages, e.g. {@code contact}
 * @param path the collection path; for a nested resource with {@code %s} for the parent id
 * @param itemsKey the array of a list answer
 * @param ops what it offers
 * @param columns the table's columns
 * @param maxPageSize the largest page Keap allows (used for --all)
 * @param parent the option naming the parent (e.g. {@code --contact}), or null
 */
public record ResourceSpec(
    String name,
    String singular,
    String path,
    String itemsKey,
    Set<Op> ops,
    List<Column> columns,
    int maxPageSize,
    String parent) {

  /** An operation on a resource. */
  public enum Op {
    LIST,
    GET,
    CREATE,
    UPDATE,
    DELETE
  }

  public static final Set<Op> CRUD = EnumSet.allOf(Op.class);
  public static final Set<Op> READ = EnumSet.of(Op.LIST, Op.GET);

  /** The collection path, given the parent's id for a nested resource. */
  public String collection(String parentId) {
    return parent == null ? path : String.format(path, JsonApi.segment(parentId));
  }

  /** The path of one item. */
  public String item(String parentId, String id) {
    return collection(parentId) + "/" + JsonApi.segment(id);
  }
}
