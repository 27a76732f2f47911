package dev.keapgw.sandbox.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keapgw.sandbox.http.Json;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ExactIndexTest {
  private final ExactIndex index = new ExactIndex();

  @Test
  void aKeyHoldsOneIdUntilASecondRowSharesIt() {
    index.add("ann@example.com", 7);
    index.add("ann@example.com", 7);
    assertThat(index.lookup("ann@example.com")).containsExactly(7L);
    index.add("ann@example.com", 3);
    index.add("ann@example.com", 9);
    assertThat(index.lookup("ann@example.com")).containsExactly(3L, 7L, 9L);
    index.remove("ann@example.com", 7);
    index.remove("ann@example.com", 3);
    assertThat(index.lookup("ann@example.com")).containsExactly(9L);
    index.add("ann@example.com", 1);
    assertThat(index.lookup("ann@example.com")).containsExactly(1L, 9L);
  }

  @Test
  void aKeyWhoseLastIdGoesIsDropped() {
    index.add("a", 1);
    index.add("b", 2);
    index.add("b", 3);
    index.remove("a", 1);
    index.remove("b", 2);
    index.remove("b", 3);
    index.remove("b", 3);
    index.remove("nothing", 4);
    assertThat(index.lookup("a")).isEmpty();
    assertThat(index.lookup("b")).isEmpty();
    assertThat(index.keys()).isZero();
  }

  @Test
  void removingAnIdTheKeyDoesNotHoldChangesNothing() {
    index.add("a", 1);
    index.remove("a", 2);
    assertThat(index.lookup("a")).containsExactly(1L);
  }

  @Test
  void lookupsAreReadOnly() {
    index.add("a", 1);
    index.add("b", 1);
    index.add("b", 2);
    assertThatThrownBy(() -> index.lookup("a").add(5L))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> index.lookup("b").clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> index.lookup("c").add(5L))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  /**
   * Threads add and remove their own ids under a few shared keys, so keys keep growing from
   * one id into a set and shrinking back, while a reader walks them. Afterwards every key holds
   * exactly the ids the threads left there.
   */
  @Test
  void concurrentAddsAndRemovesOfSharedKeysLoseNothing() throws Exception {
    int threads = 4;
    List<String> keys = List.of("k0", "k1", "k2");
    List<Map<String, Set<Long>>> models = new ArrayList<>();
    CyclicBarrier start = new CyclicBarrier(threads + 1);
    AtomicBoolean done = new AtomicBoolean();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> writers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Map<String, Set<Long>> model = new ConcurrentHashMap<>();
      keys.forEach(k -> model.put(k, new HashSet<>()));
      models.add(model);
      long base = t * 1_000L;
      Random random = new Random(42 + t);
      writers.add(new Thread(() -> {
        try {
          start.await();
          for (int i = 0; i < 20_000; i++) {
            String key = keys.get(random.nextInt(keys.size()));
            long id = base + random.nextInt(3);
            if (random.nextBoolean()) {
              index.add(key, id);
              model.get(key).add(id);
            } else {
              index.remove(key, id);
              model.get(key).remove(id);
            }
          }
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        }
      }));
    }
    Thread reader = new Thread(() -> {
      try {
        start.await();
        while (!done.get()) {
          for (String k : keys) {
            long previous = Long.MIN_VALUE;
            for (long id : index.lookup(k)) {
              assertThat(id).isGreaterThan(previous);
              previous = id;
            }
          }
        }
      } catch (Throwable e) {
        failure.compareAndSet(null, e);
      }
    });
    writers.forEach(Thread::start);
    reader.start();
    for (Thread w : writers) {
      w.join();
    }
    done.set(true);
    reader.join();
    assertThat(failure.get()).isNull();
    for (String k : keys) {
      Set<Long> expected = new TreeSet<>();
      models.forEach(m -> expected.addAll(m.get(k)));
      assertThat(index.lookup(k)).as(k).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void aTableKeepsItsIndexInStepWithPutsUpdatesAndRemoves() {
    World world = new World(
        List.of(TableSpec.indexed(
            "people",
            "email",
            row -> List.of(row.path("email").asText(""), row.path("other").asText("")))),
        Journal.NONE,
        Clock.systemUTC());
    Table people = world.tenant("t1").table("people");
    long a = people.insert(person("Ann@Example.com", "shared@example.com"));
    long b = people.insert(person("bob@example.com", "shared@example.com"));
    assertThat(people.lookup("email", "ann@example.COM")).containsExactly(a);
    assertThat(people.lookup("email", "shared@example.com")).containsExactly(a, b);

    ObjectNode moved = person("ann@new.example.com", "shared@example.com");
    moved.put("id", Long.toString(a));
    people.put(a, moved);
    assertThat(people.lookup("email", "ann@example.com")).isEmpty();
    assertThat(people.lookup("email", "ann@new.example.com")).containsExactly(a);
    assertThat(people.lookup("email", "shared@example.com")).containsExactly(a, b);

    people.remove(b);
    assertThat(people.lookup("email", "shared@example.com")).containsExactly(a);
    assertThat(people.lookup("email", "bob@example.com")).isEmpty();
  }

  private static ObjectNode person(String email, String other) {
    return Json.object().put("email", email).put("other", other);
  }
}
