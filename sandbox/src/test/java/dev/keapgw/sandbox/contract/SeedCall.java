package dev.keapgw.sandbox.contract;

import java.util.function.Function;

/**
 * One row of the seed-operation table: an operation of the spec (method and spec path) and how
 * a test exercises it against the seeded sandbox, setup included.
 */
record SeedCall(String method, String specPath, Function<SeedData, Exchange> exercise) {
  /** The operation's key, e.g. {@code POST /rest/v2/tags}. */
  String key() {
    return method + " " + specPath;
  }

  @Override
  public String toString() {
    return key();
  }
}
