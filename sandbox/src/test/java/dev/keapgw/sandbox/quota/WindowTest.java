package dev.keapgw.sandbox.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class WindowTest {
  @Test
  void rollingMinuteHoldsExactlyTheRequestsOfTheLastSixtyWholeSeconds() {
    Random random = new Random(42);
    for (int run = 0; run < 200; run++) {
      long now = 1_772_445_600_000L + random.nextInt(1000);
      RollingWindow window = RollingWindow.minute(now);
      List<Long> times = new ArrayList<>();
      for (int step = 0; step < 300; step++) {
        now += random.nextInt(4) == 0 ? random.nextInt(90_000) : random.nextInt(700);
        if (random.nextBoolean()) {
          window.add(now);
          times.add(now);
        }
        long second = Math.floorDiv(now, 1000);
        long expected =
            times.stream().filter(t -> Math.floorDiv(t, 1000) > second - 60).count();
        assertThat(window.used(now)).as("run %d step %d", run, step).isEqualTo(expected);
      }
    }
  }

  @Test
  void aClockThatStepsBackCountsIntoTheNewestSlot() {
    RollingWindow window = RollingWindow.second(10_000);
    window.add(10_950);
    window.add(10_100); // earlier than the newest slot
    assertThat(window.used(10_950)).isEqualTo(2);
    assertThat(window.used(11_950)).isZero();
  }

  @Test
  void dayResetsAtMidnightUtc() {
    long midnight = 1_772_496_000_000L; // 2026-03-03T00:00:00Z
    DailyWindow day = new DailyWindow(midnight - 5);
    day.add(midnight - 5);
    day.add(midnight - 1);
    assertThat(day.used(midnight - 1)).isEqualTo(2);
    assertThat(DailyWindow.nextReset(midnight - 1)).isEqualTo(midnight);
    assertThat(DailyWindow.nextReset(midnight)).isEqualTo(midnight + DailyWindow.DAY_MILLIS);
    assertThat(day.used(midnight)).isZero();
  }
}
