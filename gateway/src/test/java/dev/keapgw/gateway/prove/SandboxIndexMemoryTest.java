package dev.keapgw.gateway.prove;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.keapgw.sandbox.store.Journal;
import dev.keapgw.sandbox.store.Table;
import dev.keapgw.sandbox.store.TableSpec;
import dev.keapgw.sandbox.store.World;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Found by {@link LoadTest}: the sandbox kept an empty index entry for every key it had ever
 * indexed (each created-then-deleted contact's e-mail address), about 200 bytes each, so a
 * long-running sandbox with churn grew without bound. Rows created and removed must leave the
 * heap as it was, and lookups must still find what is there.
 */
@Tag("slow")
class SandboxIndexMemoryTest {
  @Test
  void rowsCreatedAndRemovedLeaveNoIndexEntriesBehind() {
    World world = new World(
        List.of(TableSpec.indexed(
            "people", "email", doc -> List.of(doc.path("email").asText()))),
        Journal.NONE,
        Clock.systemUTC());
    Table people = world.tenant("t1").table("people");
    churn(people, 20_000); // warm up: classes, JIT, the table's own structures
    long before = usedAfterGc();
    churn(people, 100_000);
    long grown = usedAfterGc() - before;
    assertThat(grown)
        .as("bytes left behind by 100 000 created and removed rows")
        .isLessThan(4L << 20);
    long kept =
        people.insert(JsonNodeFactory.instance.objectNode().put("email", "Kept@Example.com"));
    assertThat(people.lookup("email", "kept@example.com")).containsExactly(kept);
    people.remove(kept);
    assertThat(people.lookup("email", "kept@example.com")).isEmpty();
  }

  private static void churn(Table t, int n) {
    for (int i = 0; i < n; i++) {
      long id = t.insert(JsonNodeFactory.instance
          .objectNode()
          .put("email", "u" + System.nanoTime() + "-" + i + "@x.io"));
      t.remove(id);
    }
  }

  private static long usedAfterGc() {
    long min = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      min =
          Math.min(min, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return min;
  }
}
