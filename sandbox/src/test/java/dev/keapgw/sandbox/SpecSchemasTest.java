package dev.keapgw.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keapgw.sandbox.http.Json;
import org.junit.jupiter.api.Test;

class SpecSchemasTest {
  @Test
  void reportsTypeAndRequiredViolations() {
    assertThat(SpecSchemas.problems("Company", Json.object().put("id", "1").put("company_name", "Acme"))).isEmpty();
    assertThat(SpecSchemas.problems("Company", Json.object().put("company_name", 5))).isNotEmpty();
    assertThat(SpecSchemas.problems("RestV2Opportunity", Json.object().put("opportunity_title", "x"))).isNotEmpty();
  }

  @Test
  void integerEnumsListedAsStringsAreMended() {
    assertThat(SpecSchemas.problems("Task", Json.object().put("remind_time_mins", 30))).isEmpty();
    assertThat(SpecSchemas.problems("Task", Json.object().put("remind_time_mins", "30"))).isNotEmpty();
  }

  @Test
  void unknownSchemaIsRefused() {
    assertThatThrownBy(() -> SpecSchemas.problems("NoSuchSchema", Json.object()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
