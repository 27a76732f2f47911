package dev.keapgw.sandbox.contract;

/**
 * One way an exchange breaks the spec.
 *
 * @param part what was checked: {@code request path}, {@code query page_size},
 *     {@code request body}, {@code response status}, {@code response 201 body}...
 * @param at where in the JSON instance (a JSON pointer, empty for the whole value)
 * @param message what is wrong
 * @param schemaPath the spec location whose rule failed, {@code #/components/...}; empty when
 *     the rule is the operation itself
 */
public record Violation(String part, String at, String message, String schemaPath) {
  static Violation of(String part, String message) {
    return new Violation(part, "", message, "");
  }

  @Override
  public String toString() {
    return part + (at.isEmpty() ? "" : " at " + at) + ": " + message
        + (schemaPath.isEmpty() ? "" : "  [" + schemaPath + "]");
  }
}
