package dev.keapgw.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class PathsTest {
  @Test
  void theFirstSegmentIsWhatComesBeforeTheSecondSlash() {
    assertThat(Paths.firstSegment("/keap/crm/rest/v2/contacts")).isEqualTo("keap");
    assertThat(Paths.firstSegment("/connections")).isEqualTo("connections");
    assertThat(Paths.firstSegment("/connections/")).isEqualTo("connections");
    assertThat(Paths.firstSegment("//keap")).isEmpty();
  }

  @Test
  void aPathWithoutSegmentsHasAnEmptyOne() {
    assertThat(Paths.firstSegment("/")).isEmpty();
    assertThat(Paths.firstSegment("")).isEmpty();
    assertThat(Paths.firstSegment(null)).isEmpty();
  }
}
