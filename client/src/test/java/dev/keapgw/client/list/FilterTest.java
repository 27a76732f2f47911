package dev.keapgw.client.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class FilterTest {
  @Test
  void clausesJoinWithSemicolons() {
    Filter f = Filter.where("email").eq("a@b.c").and("given_name").startsWith("Jo");
    assertThat(f).hasToString("email==a@b.c;given_name==Jo*");
  }

  @Test
  void everyOperator() {
    assertThat(Filter.where("id")
            .ne(3)
            .and("id")
            .gt(1)
            .and("id")
            .ge(2)
            .and("id")
            .lt(9)
            .and("id")
            .le(8))
        .hasToString("id!=3;id>1;id>=2;id<9;id<=8");
    assertThat(Filter.where("ids").in("1", "2", "3")).hasToString("ids==1,2,3");
    assertThat(Filter.where("since_time").eq(Instant.parse("2026-01-01T00:00:00Z")))
        .hasToString("since_time==2026-01-01T00:00:00Z");
    assertThat(Filter.where("is_completed").eq(false).and(Filter.raw("user_id==UNASSIGNED")))
        .hasToString("is_completed==false;user_id==UNASSIGNED");
  }

  @Test
  void valuesTheGrammarCannotCarryAreRefusedWithTheReason() {
    assertThatThrownBy(() -> Filter.where("name").eq("a;b")).hasMessageContaining("';'");
    assertThatThrownBy(() -> Filter.where("name").eq("*x"))
        .hasMessageContaining("leading wildcards");
    assertThatThrownBy(() -> Filter.where("name").eq("Jo*"))
        .hasMessageContaining("startsWith(\"Jo\")");
    assertThatThrownBy(() -> Filter.where("bad field")).hasMessageContaining("not a field name");
    assertThatThrownBy(() -> Filter.where("ids").in(List.of()))
        .hasMessageContaining("at least one");
  }

  @Test
  void orderByReadsAndWrites() {
    assertThat(OrderBy.desc("create_time")).hasToString("create_time desc");
    assertThat(OrderBy.parse("email")).isEqualTo(OrderBy.asc("email"));
    assertThat(OrderBy.parse(" email   DESC ")).isEqualTo(OrderBy.desc("email"));
    assertThatThrownBy(() -> OrderBy.parse("email sideways")).hasMessageContaining("asc or desc");
  }

  @Test
  void aQueryBecomesParametersInKeapsNames() {
    ListQuery q = ListQuery.all()
        .pageSize(10)
        .filter(Filter.where("email").eq("x@y.z"))
        .orderBy(OrderBy.asc("id"))
        .fields("job_title", "website")
        .param("phone_fields", "PHONE1");
    assertThat(q.toParams("tok"))
        .containsExactly(
            Map.entry("page_size", "10"),
            Map.entry("page_token", "tok"),
            Map.entry("filter", "email==x@y.z"),
            Map.entry("order_by", "id asc"),
            Map.entry("fields", "job_title,website"),
            Map.entry("phone_fields", "PHONE1"));
    assertThat(ListQuery.all().toParams(null)).isEmpty();
  }

  @Test
  void pagedStopsAtAnEmptyTokenAndAtARepeatedOne() {
    Paged<Integer> two = new Paged<>(t -> t == null
        ? new Page<>(List.of(1, 2), "a", Map.of())
        : new Page<>(List.of(3), "", Map.of()));
    assertThat(two.toList()).containsExactly(1, 2, 3);
    Paged<Integer> stuck = new Paged<>(t -> new Page<>(List.of(7), "same", Map.of()));
    assertThat(stuck.toList()).containsExactly(7, 7);
    Paged<Integer> emptyPages = new Paged<>(t ->
        t == null ? new Page<>(List.of(), "b", Map.of()) : new Page<>(List.of(5), "", Map.of()));
    assertThat(emptyPages.toList()).containsExactly(5);
  }
}
