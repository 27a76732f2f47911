package dev.keapgw.sandbox.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.sandbox.http.ApiException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/**
 * Pagination stays correct while rows are inserted and deleted between pages: no row is
 * served twice, and every row that existed throughout the walk is served, in every order.
 */
@Tag("unit")
class PaginationPropertiesTest {
  private static final List<String> ORDERS =
      List.of("", "id desc", "name asc", "name desc", "n asc", "n desc", "id asc");

  @Test
  void walksSurviveConcurrentInsertsAndDeletes() {
    qt().withExamples(250)
        .forAll(
            integers().between(0, 120),
            integers().between(1, 17),
            Generate.pick(ORDERS),
            longs().all())
        .checkAssert((initial, pageSize, order, seed) -> {
          ListFixture fx = new ListFixture();
          Random rnd = new Random(seed);
          Set<Long> alive = new HashSet<>();
          for (int i = 0; i < initial; i++) {
            alive.add(fx.add(name(rnd), rnd.nextInt(6)));
          }
          Set<Long> survivors = new HashSet<>(alive);
          String base = "page_size=" + pageSize
              + (order.isEmpty() ? "" : "&order_by=" + order.replace(" ", "%20"));
          List<Long> seen = new ArrayList<>();
          String token = "";
          int pages = 0;
          do {
            JsonNode p = fx.page(base + (token.isEmpty() ? "" : "&page_token=" + token));
            p.get("items").forEach(i -> seen.add(i.get("id").asLong()));
            assertThat(p.get("items").size()).isLessThanOrEqualTo(pageSize);
            token = p.get("next_page_token").asText();
            // other clients write between pages (for a while: a writer faster than the reader
            // appending to the end would make the walk endless, as it would at Keap)
            for (int k = pages < 25 ? rnd.nextInt(4) : 0; k > 0; k--) {
              alive.add(fx.add(name(rnd), rnd.nextInt(6)));
            }
            for (int k = rnd.nextInt(3); k > 0 && !alive.isEmpty(); k--) {
              Long victim =
                  alive.stream().skip(rnd.nextInt(alive.size())).findFirst().orElseThrow();
              fx.table.remove(victim);
              alive.remove(victim);
              survivors.remove(victim);
            }
            assertThat(++pages).as("walk terminates").isLessThan(10_000);
          } while (!token.isEmpty());
          assertThat(seen).as("no duplicates (order '%s')", order).doesNotHaveDuplicates();
          assertThat(seen).as("every survivor seen (order '%s')", order).containsAll(survivors);
        });
  }

  @Test
  void tokenIsEmptyExactlyOnTheLastPage() {
    ListFixture fx = new ListFixture();
    for (int i = 0; i < 10; i++) {
      fx.add("x" + i, i);
    }
    JsonNode first = fx.page("page_size=5");
    assertThat(first.get("next_page_token").asText()).isNotEmpty();
    JsonNode second =
        fx.page("page_size=5&page_token=" + first.get("next_page_token").asText());
    assertThat(second.get("items")).hasSize(5);
    assertThat(second.get("next_page_token").asText()).isEmpty();
    assertThat(fx.page("page_size=10").get("next_page_token").asText()).isEmpty();
  }

  @Test
  void tamperedOrForeignTokensAre400() {
    ListFixture fx = new ListFixture();
    for (int i = 0; i < 10; i++) {
      fx.add("x" + i, i);
    }
    String token = fx.page("page_size=3").get("next_page_token").asText();
    String tampered =
        token.substring(0, 5) + (token.charAt(5) == 'A' ? 'B' : 'A') + token.substring(6);
    assertBadToken(() -> fx.page("page_size=3&page_token=" + tampered));
    assertBadToken(() -> fx.page("page_size=3&page_token=not-a-token"));
    assertBadToken(() -> fx.page("page_size=3&order_by=name%20asc&page_token=" + token));
    assertBadToken(() -> fx.page("page_size=3&filter=n%3E1&page_token=" + token));
    assertBadToken(() -> fx.page("page_size=3&page_token=" + token, "another-tenant"));
    // a different page size is the same query
    assertThat(fx.page("page_size=4&page_token=" + token).get("items")).hasSize(4);
  }

  @Test
  void pageSizeOutOfRangeIs400() {
    ListFixture fx = new ListFixture();
    assertBadField(() -> fx.page("page_size=1001"), "page_size");
    assertBadField(() -> fx.page("page_size=-1"), "page_size");
    assertBadField(() -> fx.page("page_size=ten"), "page_size");
    assertBadField(() -> fx.page("order_by=colour%20asc"), "order_by");
    assertBadField(() -> fx.page("order_by=name%20sideways"), "order_by");
  }

  private static void assertBadToken(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    assertBadField(call, "page_token");
  }

  private static void assertBadField(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
    assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.details()).anySatisfy(d -> assertThat(d.resource()).isEqualTo(field));
    });
  }

  private static String name(Random rnd) {
    return List.of("ann", "bob", "carl", "dora", "eve").get(rnd.nextInt(5));
  }
}
