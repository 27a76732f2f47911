package dev.keapgw.sandbox.list;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.http.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A parsed {@code filter} parameter: clauses joined by {@code ;} that must all hold. Parsing
 * checks every clause against the resource's fields, so an unknown field, an operator the
 * field does not take, a misplaced wildcard or a value of the wrong type answers 400 naming
 * the field.
 */
public record Filter(List<Clause> clauses) {
  public static final Filter NONE = new Filter(List.of());

  private static final Op[] SCAN_ORDER = {Op.EQ, Op.NE, Op.GE, Op.LE, Op.GT, Op.LT};

  public static Filter parse(String text, Map<String, FilterField> fields, String domain) {
    if (text == null || text.isBlank()) {
      return NONE;
    }
    List<Clause> out = new ArrayList<>();
    for (String part : text.split(";")) {
      if (part.isBlank()) {
        continue; // Keap's own examples end with a ';'
      }
      out.add(clause(part.trim(), fields, domain));
    }
    return new Filter(List.copyOf(out));
  }

  private static Clause clause(String part, Map<String, FilterField> fields, String domain) {
    int at = -1;
    Op op = null;
    for (int i = 0; i < part.length() && op == null; i++) {
      for (Op candidate : SCAN_ORDER) {
        if (part.startsWith(candidate.symbol(), i)) {
          at = i;
          op = candidate;
          break;
        }
      }
    }
    if (op == null) {
      throw ApiException.invalidField(
          domain,
          "filter",
          "Invalid filter '" + part
              + "': expected <field><op><value> with op one of == != > < >= <=");
    }
    String name = part.substring(0, at).trim();
    String value = part.substring(at + op.symbol().length()).trim();
    FilterField field = fields.get(name);
    if (field == null) {
      throw ApiException.invalidField(
          domain,
          name,
          "Invalid filter field '" + name + "'. Allowed fields: "
              + String.join(", ", fields.keySet()));
    }
    if (!field.ops().contains(op)) {
      throw ApiException.invalidField(
          domain,
          name,
          "Operator '" + op.symbol() + "' is not supported for filter field '" + name + "'");
    }
    if (value.startsWith("*")) {
      throw ApiException.invalidField(
          domain, name, "Leading wildcards are not supported in filter field '" + name + "'");
    }
    boolean prefix = false;
    if (value.endsWith("*")) {
      if (!field.wildcard()) {
        throw ApiException.invalidField(
            domain, name, "Wildcards are not supported for filter field '" + name + "'");
      }
      prefix = true;
      value = value.substring(0, value.length() - 1);
    }
    if (value.isEmpty()) {
      throw ApiException.invalidField(domain, name, "Filter field '" + name + "' needs a value");
    }
    if (value.contains("*")) {
      throw ApiException.invalidField(
          domain, name, "Only a trailing '*' is allowed in filter field '" + name + "'");
    }
    for (String v : value.split(",")) {
      if (!v.isBlank() && !field.check().valid(v.trim())) {
        throw ApiException.invalidField(
            domain, name, "Invalid value '" + v.trim() + "' for filter field '" + name + "'");
      }
    }
    return new Clause(name, op, value, prefix);
  }

  public boolean matches(ObjectNode row, Map<String, FilterField> fields) {
    for (Clause c : clauses) {
      if (!fields.get(c.field()).matcher().matches(row, c)) {
        return false;
      }
    }
    return true;
  }

  public boolean isEmpty() {
    return clauses.isEmpty();
  }
}
