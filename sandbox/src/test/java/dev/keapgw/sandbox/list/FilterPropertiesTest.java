package dev.keapgw.sandbox.list;

import static dev.keapgw.sandbox.CrmTestSupport.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keapgw.sandbox.http.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Properties of Keap's filter grammar as the sandbox implements it: every parsed filter
 * selects exactly the rows a plain model selects, and malformed filters answer 400 naming
 * the field.
 */
@Tag("unit")
class FilterPropertiesTest {
  private static final List<String> NAMES =
      List.of("ann", "Anna", "annabel", "bob", "Bobby", "carl", "c");

  /** A clause in filter syntax and the model of what it selects. */
  record ModelClause(String text, Predicate<Row> selects) {}

  record Row(long id, String name, long n) {}

  private static Gen<ModelClause> clauses() {
    Gen<ModelClause> nameEq = Generate.pick(NAMES)
        .map(v -> new ModelClause("name==" + v, r -> r.name().equalsIgnoreCase(v)));
    Gen<ModelClause> nameNe = Generate.pick(NAMES)
        .map(v -> new ModelClause("name!=" + v, r -> !r.name().equalsIgnoreCase(v)));
    Gen<ModelClause> namePrefix = Generate.pick(List.of("a", "An", "b", "BOB", "c", "ca", "z"))
        .map(v -> new ModelClause(
            "name==" + v + "*",
            r -> r.name().toLowerCase(Locale.ROOT).startsWith(v.toLowerCase(Locale.ROOT))));
    Gen<ModelClause> number = Generate.pick(List.of(Op.values()))
        .zip(
            integers().between(-2, 12),
            (op, v) ->
                new ModelClause("n" + op.symbol() + v, r -> op.accepts(Long.compare(r.n(), v))));
    return Generate.frequency(
        org.quicktheories.api.Pair.of(2, nameEq), org.quicktheories.api.Pair.of(1, nameNe),
        org.quicktheories.api.Pair.of(2, namePrefix), org.quicktheories.api.Pair.of(3, number));
  }

  private static Gen<List<Row>> rows() {
    Gen<Row> row =
        Generate.pick(NAMES).zip(integers().between(0, 10), (name, n) -> new Row(0, name, n));
    return lists().of(row).ofSizeBetween(0, 60);
  }

  @Test
  void everyFilterSelectsWhatTheModelSelects() {
    qt().withExamples(300)
        .forAll(rows(), lists().of(clauses()).ofSizeBetween(1, 3), integers().between(1, 9))
        .checkAssert((rows, clauses, pageSize) -> {
          ListFixture fx = new ListFixture();
          List<Long> expected = new ArrayList<>();
          for (Row r : rows) {
            long id = fx.add(r.name(), r.n());
            Row stored = new Row(id, r.name(), r.n());
            if (clauses.stream().allMatch(c -> c.selects().test(stored))) {
              expected.add(id);
            }
          }
          String filter =
              String.join(";", clauses.stream().map(ModelClause::text).toList());
          List<Long> got = fx.walk("page_size=" + pageSize + "&filter=" + q(filter));
          assertThat(got).as("filter %s", filter).containsExactlyElementsOf(expected);
        });
  }

  @Test
  void trailingSemicolonAndEncodedOperatorsAreAccepted() {
    ListFixture fx = new ListFixture();
    fx.add("ann", 1);
    fx.add("bob", 2);
    JsonNode p = fx.page("filter=name%3D%3Dann%3B");
    assertThat(p.get("items")).hasSize(1);
  }

  @Test
  void unknownFieldsAreRejectedNamingTheField() {
    qt().withExamples(200)
        .forAll(strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 12))
        .assuming(name -> !ListFixture.SPEC.filters().containsKey(name))
        .checkAssert(name -> assertRejected("filter=" + name + "%3D%3D1", name));
  }

  @Test
  void leadingWildcardsAreRejectedForEveryValue() {
    qt().withExamples(200)
        .forAll(
            strings().betweenCodePoints('a', 'z').ofLengthBetween(0, 8),
            integers().between(0, 1))
        .checkAssert((value, both) ->
            assertRejected("filter=" + q("name==*" + value + (both == 1 ? "*" : "")), "name"));
  }

  @Test
  void operatorsAFieldDoesNotTakeAreRejected() {
    for (String op : List.of(">", "<", ">=", "<=")) {
      assertRejected("filter=" + q("name" + op + "ann"), "name");
    }
    assertRejected("filter=" + q("ids==1*"), "ids");
    assertRejected("filter=" + q("n==abc"), "n");
    assertRejected("filter=" + q("name"), "filter");
  }

  private static void assertRejected(String query, String field) {
    ListFixture fx = new ListFixture();
    assertThatThrownBy(() -> fx.page(query)).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.details()).anySatisfy(d -> assertThat(d.resource()).isEqualTo(field));
    });
  }
}
