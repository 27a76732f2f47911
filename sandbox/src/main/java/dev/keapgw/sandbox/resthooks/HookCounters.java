package dev.keapgw.sandbox.resthooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.http.Json;
import java.util.concurrent.atomic.AtomicLong;

/** What the REST hook deliveries have done since start, as {@code GET /_sandbox/rest-hooks} shows it. */
final class HookCounters {
  final AtomicLong changes = new AtomicLong();
  final AtomicLong pendingObjects = new AtomicLong();
  final AtomicLong batches = new AtomicLong();
  final AtomicLong attempts = new AtomicLong();
  final AtomicLong delivered = new AtomicLong();
  final AtomicLong failedAttempts = new AtomicLong();
  final AtomicLong dropped = new AtomicLong();
  final AtomicLong inactivated = new AtomicLong();

  ObjectNode toJson() {
    return Json.object()
        .put("changes_announced", changes.get())
        .put("objects_waiting", pendingObjects.get())
        .put("batches", batches.get())
        .put("attempts", attempts.get())
        .put("delivered", delivered.get())
        .put("failed_attempts", failedAttempts.get())
        .put("dropped", dropped.get())
        .put("hooks_made_inactive", inactivated.get());
  }
}
