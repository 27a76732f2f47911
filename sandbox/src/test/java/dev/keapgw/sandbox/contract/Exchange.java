package dev.keapgw.sandbox.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.sandbox.TestHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A call and what came back, plus checks on the answer's content that the spec cannot state
 * (that a GET by id answers that id). Those run only after the contract held.
 */
public record Exchange(Call call, TestHttp.Reply reply, List<Consumer<JsonNode>> checks) {
  public Exchange(Call call, TestHttp.Reply reply) {
    this(call, reply, List.of());
  }

  /** This exchange with one more check on the answer's JSON body. */
  public Exchange then(Consumer<JsonNode> check) {
    List<Consumer<JsonNode>> all = new ArrayList<>(checks);
    all.add(check);
    return new Exchange(call, reply, List.copyOf(all));
  }

  void runChecks() {
    checks.forEach(c -> c.accept(reply.json()));
  }
}
