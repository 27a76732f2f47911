package dev.keapgw.sandbox.campaigns;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.list.FilterField;
import dev.keapgw.sandbox.list.ListSpec;
import dev.keapgw.sandbox.list.Op;
import dev.keapgw.sandbox.list.OrderField;
import dev.keapgw.sandbox.store.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** How campaigns are listed and how a stored sequence is shown. */
final class CampaignViews {
  private CampaignViews() {}

  /**
   * {@code name} finds the text anywhere in the name (case-insensitive). Keap's order fields
   * keep their odd spellings; {@code lastupdated} has no field of its own in a campaign, so it
   * sorts by the later of publication and creation.
   */
  static final ListSpec LIST = ListSpec.of(
      "campaign",
      "campaigns",
      List.of(FilterField.custom(
          "name",
          Op.EQUALITY,
          false,
          (row, c) -> row.path("name")
              .asText("")
              .toLowerCase(Locale.ROOT)
              .contains(c.value().toLowerCase(Locale.ROOT)))),
      List.of(
          OrderField.id(),
          OrderField.text("name", "name"),
          OrderField.text("publisheddate", "published_date"),
          OrderField.text("datecreated", "date_created"),
          new OrderField("lastupdated", CampaignViews::lastUpdated),
          count("completedContactCount", "completed_contact_count"),
          count("activeContacts", "active_contact_count")));

  private static OrderField count(String name, String field) {
    return new OrderField(name, row -> row.path(field).asLong(0));
  }

  private static Comparable<?> lastUpdated(ObjectNode row) {
    String created = row.path("date_created").asText("");
    String published = row.path("published_date").asText("");
    return published.compareTo(created) > 0 ? published : created;
  }

  /**
   * A sequence as Keap shows it: without the campaign it is stored under, and with
   * {@code historical_contact_count} counted from when its current members joined.
   */
  static ObjectNode sequence(ObjectNode stored, Table members, Instant now) {
    ObjectNode out = stored.deepCopy();
    out.remove("campaign_id");
    int day = 0;
    int month = 0;
    for (Long id : members.lookup("sequence_id", stored.path("id").asText())) {
      String added = members.get(id).map(m -> m.path("added_time").asText(null)).orElse(null);
      if (added == null) {
        continue;
      }
      Duration age = Duration.between(Instant.parse(added), now);
      if (age.compareTo(Duration.ofDays(1)) <= 0) {
        day++;
      }
      if (age.compareTo(Duration.ofDays(30)) <= 0) {
        month++;
      }
    }
    out.putObject("historical_contact_count").put("24_hours", day).put("30_days", month);
    return out;
  }
}
