package dev.keapgw.client.http;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** {@code Retry-After}, as seconds or as an HTTP date. */
final class RetryAfter {
  private RetryAfter() {}

  static Optional<Duration> parse(HttpHeaders headers, Clock clock) {
    Optional<String> v =
        headers.firstValue("Retry-After").map(String::trim).filter(s -> !s.isEmpty());
    if (v.isEmpty()) {
      return Optional.empty();
    }
    try {
      long seconds = Long.parseLong(v.get());
      return Optional.of(Duration.ofSeconds(Math.max(0, seconds)));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(v.get(), DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(clock.instant(), at.toInstant());
        return Optional.of(d.isNegative() ? Duration.ZERO : d);
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
  }
}
