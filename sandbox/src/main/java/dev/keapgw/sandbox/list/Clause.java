package dev.keapgw.sandbox.list;

import java.util.Arrays;
import java.util.List;

/** One {@code field op value} part of a filter; {@code prefix} when the value ended in {@code *}. */
public record Clause(String field, Op op, String value, boolean prefix) {
  /** The value read as a comma-separated list, as {@code ids==1,2,3} is. */
  public List<String> values() {
    return Arrays.stream(value.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
