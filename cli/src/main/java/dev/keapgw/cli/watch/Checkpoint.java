package dev.keapgw.cli.watch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.cli.CliFailure;
import dev.keapgw.cli.ExitCodes;
import dev.keapgw.client.triggers.TriggerEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a watch is in a trigger's event log: the newest handled event's time and the events
 * handled in the {@link #WINDOW} before it. The gateway lists events newest first, and an event
 * may be listed a moment after a later one (two intakes committing out of order), so "after the
 * last handled event" means: every event within the window not handled yet, and every event
 * after it. Saved (write then rename, so a crash leaves the old or the new file, never half) after
 * each handled event.
 *
 * @param lastEventId the last event handled (null before the first)
 * @param lastReceivedAt the newest {@code received_at} handled (null: nothing handled, hand every event)
 * @param recent the events handled within the window before {@code lastReceivedAt}, with their times
 */
public record Checkpoint(
    String triggerId, String lastEventId, Instant lastReceivedAt, Map<String, Instant> recent) {
  /** How far back a late-listed event is still looked for. */
  public static final Duration WINDOW = Duration.ofMinutes(2);

  public Checkpoint {
    recent = Map.copyOf(recent);
  }

  /** Nothing handled yet: every event the gateway keeps is due. */
  public static Checkpoint empty(String triggerId) {
    return new Checkpoint(triggerId, null, null, Map.of());
  }

  /** Whether the event was handled (or lies before the window, so counts as handled). */
  public boolean covers(TriggerEvent e) {
    return lastReceivedAt != null && (recent.containsKey(e.id()) || isBeforeWindow(e));
  }

  /** Whether a listing (newest first) that reached this event can stop: nothing older is due. */
  public boolean isBeforeWindow(TriggerEvent e) {
    return lastReceivedAt != null
        && Instant.parse(e.receivedAt()).isBefore(lastReceivedAt.minus(WINDOW));
  }

  /** The checkpoint once {@code e} is handled too. */
  public Checkpoint after(TriggerEvent e) {
    Instant at = Instant.parse(e.receivedAt());
    Instant last = lastReceivedAt == null || at.isAfter(lastReceivedAt) ? at : lastReceivedAt;
    Map<String, Instant> kept = new LinkedHashMap<>();
    recent.forEach((id, t) -> {
      if (!t.isBefore(last.minus(WINDOW))) {
        kept.put(id, t);
      }
    });
    kept.put(e.id(), at);
    return new Checkpoint(triggerId, e.id(), last, kept);
  }

  /** The checkpoint in {@code file}, or null when there is none yet. */
  public static Checkpoint load(Path file, String triggerId, ObjectMapper json) {
    if (!Files.exists(file)) {
      return null;
    }
    try {
      JsonNode n = json.readTree(file.toFile());
      if (!triggerId.equals(n.path("trigger_id").asText())) {
        throw CliFailure.usage(
            "the checkpoint " + file + " is trigger " + n.path("trigger_id").asText() + "'s, not "
                + triggerId + "'s",
            "give each trigger's watch its own --checkpoint file");
      }
      Map<String, Instant> recent = new LinkedHashMap<>();
      n.path("handled_recently")
          .properties()
          .forEach(e -> recent.put(e.getKey(), Instant.parse(e.getValue().asText())));
      String last = n.path("last_received_at").asText(null);
      return new Checkpoint(
          triggerId,
          n.path("last_event_id").asText(null),
          last == null ? null : Instant.parse(last),
          recent);
    } catch (IOException | RuntimeException e) {
      if (e instanceof CliFailure f) {
        throw f;
      }
      throw new CliFailure(
          ExitCodes.CONFIG,
          "cannot read the checkpoint " + file + ": " + e.getMessage(),
          "fix or delete it (deleted, the next watch starts from the events received after it starts)",
          e);
    }
  }

  /** Writes the checkpoint to {@code file} atomically. */
  public void save(Path file, ObjectMapper json) {
    ObjectNode n = json.createObjectNode();
    n.put("trigger_id", triggerId);
    n.put("last_event_id", lastEventId);
    n.put("last_received_at", lastReceivedAt == null ? null : lastReceivedAt.toString());
    ObjectNode r = n.putObject("handled_recently");
    recent.forEach((id, t) -> r.put(id, t.toString()));
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
      json.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), n);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new CliFailure(
          ExitCodes.FAILED,
          "cannot write the checkpoint " + file + ": " + e.getMessage(),
          "give a writable --checkpoint file",
          e);
    }
  }
}
