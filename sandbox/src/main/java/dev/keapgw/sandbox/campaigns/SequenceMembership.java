package dev.keapgw.sandbox.campaigns;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.http.Json;
import dev.keapgw.sandbox.refs.References;
import dev.keapgw.sandbox.store.Table;
import dev.keapgw.sandbox.store.Tenant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Which contacts are in which campaign sequence. Each membership is a row of
 * {@code sequence_contacts}; after every change the sequence's and its campaign's
 * {@code active_contact_count} are recounted, so the rows Keap returns always agree with it.
 * Every change runs under the tenant's write lock.
 */
final class SequenceMembership {
  /** The per-contact outcomes Keap reports. */
  enum Outcome {
    SUCCESS,
    ALREADY_IN_SEQUENCE,
    CONTACT_DOES_NOT_EXIST,
    FAILED
  }

  /** The contacts module's table, whose rows a sequence's members must be. */
  static final String CONTACTS = "contacts";

  private SequenceMembership() {}

  /**
   * Adds contacts to a sequence. An id that is not a whole number cannot name any record and
   * is {@code FAILED}; a well-formed id with no contact behind it is {@code CONTACT_DOES_NOT_EXIST}.
   * A repeated id keeps the outcome of its first occurrence.
   */
  static Map<String, Outcome> add(
      Tenant tenant, ObjectNode sequence, List<String> contactIds, String now) {
    return eachContact(tenant, sequence, contactIds, (members, contactId) -> {
      if (find(members, sequence.path("id").asText(), contactId).isPresent()) {
        return Outcome.ALREADY_IN_SEQUENCE;
      }
      members.insert(row(sequence, contactId, now));
      return Outcome.SUCCESS;
    });
  }

  /**
   * Removes contacts from a sequence. Removing a contact that exists but is not in the sequence
   * succeeds: afterwards it is not in the sequence, which is what was asked.
   */
  static Map<String, Outcome> remove(Tenant tenant, ObjectNode sequence, List<String> contactIds) {
    return eachContact(tenant, sequence, contactIds, (members, contactId) -> {
      find(members, sequence.path("id").asText(), contactId).ifPresent(members::remove);
      return Outcome.SUCCESS;
    });
  }

  /**
   * Runs {@code change} once per distinct id of the request, under the tenant's lock, for the
   * ids that name a contact (given the id as the contacts table writes it); the others get
   * the outcome {@link #check} gives them. Recounts the campaign afterwards.
   */
  private static Map<String, Outcome> eachContact(
      Tenant tenant,
      ObjectNode sequence,
      List<String> contactIds,
      BiFunction<Table, String, Outcome> change) {
    return tenant.write(() -> {
      Map<String, Outcome> out = new LinkedHashMap<>();
      Table members = tenant.table(CampaignsModule.MEMBERS);
      for (String contactId : contactIds) {
        if (!out.containsKey(contactId)) {
          Outcome o = check(tenant, contactId);
          out.put(contactId, o != null ? o : change.apply(members, canonical(contactId)));
        }
      }
      recount(tenant, sequence.path("campaign_id").asText());
      return out;
    });
  }

  /** A deleted contact leaves every sequence it was in. */
  static void contactDeleted(Tenant tenant, long contactId) {
    tenant.write(() -> {
      Table members = tenant.table(CampaignsModule.MEMBERS);
      Set<String> campaigns = new HashSet<>();
      for (Long id : List.copyOf(members.lookup("contact_id", Long.toString(contactId)))) {
        members.get(id).ifPresent(m -> campaigns.add(m.path("campaign_id").asText()));
        members.remove(id);
      }
      campaigns.forEach(c -> recount(tenant, c));
    });
  }

  /** Sets the live counts of a campaign and of each of its sequences, writing only what changed. */
  static void recount(Tenant tenant, String campaignId) {
    Table members = tenant.table(CampaignsModule.MEMBERS);
    Table sequences = tenant.table(CampaignsModule.SEQUENCES);
    Set<String> inCampaign = new HashSet<>();
    for (Long sid : List.copyOf(sequences.lookup("campaign_id", campaignId))) {
      Optional<ObjectNode> seq = sequences.get(sid);
      if (seq.isEmpty()) {
        continue;
      }
      int count = 0;
      for (Long mid : List.copyOf(members.lookup("sequence_id", Long.toString(sid)))) {
        Optional<ObjectNode> m = members.get(mid);
        if (m.isPresent()) {
          count++;
          inCampaign.add(m.get().path("contact_id").asText());
        }
      }
      setCount(sequences, sid, seq.get(), count);
    }
    Table campaigns = tenant.table(CampaignsModule.CAMPAIGNS);
    Long cid = Table.parseId(campaignId);
    if (cid != null) {
      campaigns.get(cid).ifPresent(c -> setCount(campaigns, cid, c, inCampaign.size()));
    }
  }

  private static void setCount(Table table, long id, ObjectNode row, int count) {
    if (row.path("active_contact_count").asInt(-1) != count) {
      row.put("active_contact_count", count);
      table.put(id, row);
    }
  }

  /** The outcome decided before membership is looked at, or null when the contact exists. */
  private static Outcome check(Tenant tenant, String contactId) {
    if (Table.parseId(contactId) == null) {
      return Outcome.FAILED;
    }
    return References.exists(tenant, CONTACTS, contactId) ? null : Outcome.CONTACT_DOES_NOT_EXIST;
  }

  /** The id as the contacts table writes it ({@code "007"} names contact 7). */
  private static String canonical(String contactId) {
    return Long.toString(Table.parseId(contactId));
  }

  private static Optional<Long> find(Table members, String sequenceId, String contactId) {
    for (Long id : members.lookup("contact_id", contactId)) {
      Optional<ObjectNode> m = members.get(id);
      if (m.isPresent() && m.get().path("sequence_id").asText().equals(sequenceId)) {
        return Optional.of(id);
      }
    }
    return Optional.empty();
  }

  static ObjectNode row(ObjectNode sequence, String contactId, String addedTime) {
    ObjectNode m = Json.object();
    m.put("campaign_id", sequence.path("campaign_id").asText());
    m.put("sequence_id", sequence.path("id").asText());
    m.put("contact_id", contactId);
    m.put("added_time", addedTime);
    return m;
  }
}
