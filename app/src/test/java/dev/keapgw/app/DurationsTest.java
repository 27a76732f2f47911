package dev.keapgw.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class DurationsTest {
  @Test
  void formatsInTheLargestWholeUnitAndReadsBack() {
    assertThat(Durations.format(Duration.ofDays(45))).isEqualTo("45d");
    assertThat(Durations.format(Duration.ofHours(24))).isEqualTo("24h");
    assertThat(Durations.format(Duration.ofMinutes(10))).isEqualTo("10m");
    assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90s");
    assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
    for (Duration d :
        new Duration[] {Duration.ofDays(45), Duration.ofHours(24), Duration.ofMillis(1500)}) {
      assertThat(new Durations().convert(Durations.format(d))).isEqualTo(d);
    }
  }
}
