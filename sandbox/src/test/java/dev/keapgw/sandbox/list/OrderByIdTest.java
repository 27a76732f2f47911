package dev.keapgw.sandbox.list;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.sandbox.SandboxFixture;
import dev.keapgw.sandbox.TestHttp;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code order_by=id} is taken by exactly the lists whose order fields Keap lists {@code id}
 * among (the reference's table of filter and sort fields), and refused by the others.
 */
class OrderByIdTest {
  @RegisterExtension
  static final SandboxFixture FIX = new SandboxFixture();

  private static final List<String> WITH_ID = List.of(
      "/contacts",
      "/contacts/1/notes",
      "/companies",
      "/tasks",
      "/orders",
      "/subscriptions",
      "/affiliates",
      "/campaigns");
  private static final List<String> WITHOUT_ID = List.of(
      "/opportunities",
      "/opportunities/stages",
      "/products",
      "/emails",
      "/tags",
      "/tags/categories",
      "/tags/1/contacts",
      "/users",
      "/automations");

  @Test
  void listsThatKeapOrdersByIdTakeIt() {
    for (String path : WITH_ID) {
      TestHttp.Reply r = FIX.api().get(path + "?order_by=id%20desc&page_size=2");
      assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
    }
  }

  @Test
  void listsThatKeapDoesNotOrderByIdRefuseIt() {
    for (String path : WITHOUT_ID) {
      TestHttp.Reply r = FIX.api().get(path + "?order_by=id");
      assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(400);
      assertThat(r.json().at("/details/0/resource").asText()).as(path).isEqualTo("order_by");
    }
  }
}
