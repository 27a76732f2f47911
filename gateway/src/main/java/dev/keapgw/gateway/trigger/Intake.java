package dev.keapgw.gateway.trigger;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.gateway.trigger.delivery.DeliveryMetrics;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Where events enter: each source hands its events here inside its own transaction, and calls
 * {@link #committed} once that transaction has committed, which counts them and wakes the
 * dispatcher of this instance.
 */
public final class Intake {
  private final DeliveryMetrics metrics;
  private final Runnable wake;

  public Intake(DeliveryMetrics metrics, Runnable wake) {
    this.metrics = metrics;
    this.wake = wake;
  }

  /** Records {@code payload} as an event of each trigger; answers how many events were made. */
  public int record(Handle h, List<Trigger> triggers, ObjectNode payload, Instant now) {
    for (Trigger t : triggers) {
      EventLog.record(h, t.id(), payload, now);
    }
    return triggers.size();
  }

  public void committed(TriggerSource source, int events) {
    if (events > 0) {
      metrics.received(source.wire(), events);
      wake.run();
    }
  }
}
