package dev.keapgw.sandbox.opportunities;

import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.list.FilterField;
import dev.keapgw.sandbox.list.ListSpec;
import dev.keapgw.sandbox.list.Op;
import dev.keapgw.sandbox.list.OrderField;
import java.util.List;

/** How pipeline stages are listed: by name (with a trailing {@code *}) or id, ordered by stage order. */
final class StageViews {
  private StageViews() {}

  static final ListSpec LIST = ListSpec.of(
      "opportunity_stage",
      "stages",
      List.of(
          FilterField.text(
              "opportunity_stage_name", true, row -> List.of(row.path("name").asText(""))),
          FilterField.number("opportunity_stage_id", Op.COMPARE, row -> Json.text(row, "id"))),
      List.of(new OrderField("stage_order", row -> row.path("order").asLong())));
}
