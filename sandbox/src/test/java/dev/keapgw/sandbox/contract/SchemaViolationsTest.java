package dev.keapgw.sandbox.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keapgw.sandbox.http.Json;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@link SpecContract#schemaViolations}: one answer checked against one schema of the spec. */
@Tag("unit")
class SchemaViolationsTest {
  private static final SpecContract SPEC = SpecContract.keap();

  @Test
  void reportsTypeAndRequiredViolations() {
    assertThat(SPEC.schemaViolations(
            "Company", Json.object().put("id", "1").put("company_name", "Acme")))
        .isEmpty();
    assertThat(SPEC.schemaViolations("Company", Json.object().put("company_name", 5)))
        .isNotEmpty();
    assertThat(
            SPEC.schemaViolations("RestV2Opportunity", Json.object().put("opportunity_title", "x")))
        .isNotEmpty();
  }

  @Test
  void integerEnumsListedAsStringsAreMended() {
    assertThat(SPEC.schemaViolations("Task", Json.object().put("remind_time_mins", 30)))
        .isEmpty();
    assertThat(SPEC.schemaViolations("Task", Json.object().put("remind_time_mins", "30")))
        .isNotEmpty();
  }

  @Test
  void unknownSchemaIsRefused() {
    assertThatThrownBy(() -> SPEC.schemaViolations("NoSuchSchema", Json.object()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
