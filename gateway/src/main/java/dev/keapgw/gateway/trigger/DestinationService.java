package dev.keapgw.gateway.trigger;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.gateway.crypto.SecretBox;
import dev.keapgw.gateway.error.GatewayException;
import dev.keapgw.gateway.trigger.delivery.DestinationGuard;
import dev.keapgw.gateway.trigger.delivery.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * A trigger's destinations: list, add (its secret shown once), read (masked), change,
 * re-enable, delete, rotate the secret. Blocking. The trigger is looked up by account first,
 * so another account's trigger or destination answers as an unknown id.
 */
public final class DestinationService {
  private final TriggerService triggers;
  private final TriggerRepository repo;
  private final SecretBox secrets;
  private final DestinationGuard guard;
  private final Clock clock;

  public DestinationService(
      TriggerService triggers,
      TriggerRepository repo,
      SecretBox secrets,
      DestinationGuard guard,
      Clock clock) {
    this.triggers = triggers;
    this.repo = repo;
    this.secrets = secrets;
    this.guard = guard;
    this.clock = clock;
  }

  /** What reads show instead of the secret. */
  public String masked(Destination d) {
    try {
      return Secrets.masked(Secrets.open(secrets, d));
    } catch (RuntimeException e) {
      return Secrets.PREFIX + "****";
    }
  }

  public List<Destination> list(String accountId, String triggerId) {
    return triggers.destinationsOf(triggers.get(accountId, triggerId));
  }

  /** A new destination and its secret, shown this once. */
  public record Added(Destination destination, String secret) {}

  public Added add(String accountId, String triggerId, ObjectNode body) {
    Trigger t = triggers.get(accountId, triggerId);
    DestinationInput in = DestinationInput.read(body, "", true, guard);
    if (triggers.destinationsOf(t).size() >= TriggerService.MAX_DESTINATIONS) {
      throw GatewayException.badRequest("A trigger has at most " + TriggerService.MAX_DESTINATIONS
          + " destinations;" + " delete one first");
    }
    String secret = Secrets.generate();
    Destination d = triggers.newDestination(t.id(), in, secret, clock.instant());
    repo.insert(d);
    return new Added(d, secret);
  }

  public Destination get(String accountId, String triggerId, String id) {
    Trigger t = triggers.get(accountId, triggerId);
    return repo.destination(t.id(), id).orElseThrow(() -> notFound(id));
  }

  public Destination patch(String accountId, String triggerId, String id, ObjectNode body) {
    Destination d = get(accountId, triggerId, id);
    DestinationInput in = DestinationInput.read(body, "", false, guard);
    Instant now = clock.instant();
    TriggerStatus status = d.status();
    String reason = d.reason();
    Instant failingSince = d.failingSince();
    if (in.status() == TriggerStatus.ENABLED && d.status() != TriggerStatus.ENABLED) {
      status = TriggerStatus.ENABLED;
      reason = null;
      failingSince = null;
    }
    Destination changed = new Destination(
        d.id(),
        d.triggerId(),
        in.url() != null ? in.url() : d.url(),
        in.method() != null ? in.method() : d.method(),
        in.present().contains("name") ? in.name() : d.name(),
        in.headersJson() != null
            ? in.headersJson()
            : in.present().contains("headers") ? "{}" : d.headersJson(),
        in.present().contains("body_template") ? in.bodyTemplate() : d.bodyTemplate(),
        d.secretSealed(),
        status,
        reason,
        failingSince,
        d.createdAt(),
        now);
    repo.update(changed);
    if (in.status() == TriggerStatus.DISABLED && d.status() == TriggerStatus.ENABLED) {
      repo.jdbi().useTransaction(h -> Outbox.disable(h, d.id(), "Disabled by its owner.", now));
      return repo.destination(d.triggerId(), d.id()).orElseThrow(() -> notFound(id));
    }
    return changed;
  }

  public Destination delete(String accountId, String triggerId, String id) {
    Destination d = get(accountId, triggerId, id);
    if (!repo.deleteDestination(d.triggerId(), id)) {
      throw notFound(id);
    }
    return d;
  }

  /** A new secret for the destination, shown this once; the old one stops signing at once. */
  public String rotate(String accountId, String triggerId, String id) {
    Destination d = get(accountId, triggerId, id);
    String secret = Secrets.generate();
    repo.update(new Destination(
        d.id(),
        d.triggerId(),
        d.url(),
        d.method(),
        d.name(),
        d.headersJson(),
        d.bodyTemplate(),
        Secrets.seal(secrets, d.id(), secret),
        d.status(),
        d.reason(),
        d.failingSince(),
        d.createdAt(),
        clock.instant()));
    return secret;
  }

  public static GatewayException notFound(String id) {
    String shown = id.length() > 100 ? id.substring(0, 100) + "..." : id;
    return GatewayException.notFound("No destination with id '" + shown + "' on this trigger."
            + " List them with GET /triggers/{trigger_id}/destinations.")
        .with("destination_id", shown);
  }
}
