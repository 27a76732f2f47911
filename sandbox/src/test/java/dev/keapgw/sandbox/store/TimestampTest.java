package dev.keapgw.sandbox.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class TimestampTest {
  @Test
  void everyTimestampHasExactlyThreeFractionDigits() {
    assertThat(World.timestamp(Instant.parse("2026-03-01T12:00:00Z")))
        .isEqualTo("2026-03-01T12:00:00.000Z");
    assertThat(World.timestamp(Instant.parse("2026-03-01T12:00:00.120Z")))
        .isEqualTo("2026-03-01T12:00:00.120Z");
    assertThat(World.timestamp(Instant.parse("2026-03-01T12:00:00.123456789Z")))
        .isEqualTo("2026-03-01T12:00:00.123Z");
    assertThat(World.timestamp(Instant.parse("2026-03-01T10:00:00+02:00")))
        .isEqualTo("2026-03-01T08:00:00.000Z");
  }

  @Test
  void textOrderIsTimeOrderWithinASecond() {
    List<Instant> times = Stream.of(
            "2026-03-01T12:00:00Z",
            "2026-03-01T12:00:00.001Z",
            "2026-03-01T12:00:00.5Z",
            "2026-03-01T12:00:01Z")
        .map(Instant::parse)
        .toList();
    List<String> written = times.stream().map(World::timestamp).toList();
    assertThat(written).isSorted();
  }
}
