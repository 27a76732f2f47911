package dev.keapgw.gateway.config;

import static dev.keapgw.gateway.config.GatewayConfig.MIN_ADMIN_TOKEN_LENGTH;
import static dev.keapgw.gateway.config.GatewayConfig.RESERVED;

import dev.keapgw.gateway.config.GatewayConfig.Problem;
import dev.keapgw.gateway.config.GatewayConfig.Setting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The checks behind {@link GatewayConfig#problems()}: what keeps a configuration from running. */
final class ConfigChecks {
  private ConfigChecks() {}

  /** What makes {@code c} unable to run, first found first; empty when it can run. */
  static List<Problem> problems(GatewayConfig c) {
    List<Problem> problems = new ArrayList<>();
    if (c.host() == null || c.host().isBlank()) {
      problems.add(new Problem(Setting.HOST, "must not be blank"));
    }
    if (GatewayConfig.portProblem(c.port()) != null) {
      problems.add(new Problem(Setting.PORT, GatewayConfig.portProblem(c.port())));
    }
    if (c.publicUrl() == null
        || c.publicUrl().getScheme() == null
        || c.publicUrl().getHost() == null) {
      problems.add(new Problem(
          Setting.PUBLIC_URL, "must be an absolute http(s) URL such as http://localhost:8080"));
    }
    if (c.keys() == null) {
      problems.add(
          new Problem(
              Setting.ENCRYPTION_KEY,
              "is missing: the gateway keeps tokens encrypted; set it to"
                  + " 32 random bytes in base64, e.g. `openssl rand -base64 32`, or to a file holding them"));
    }
    if (c.apps().isEmpty()) {
      problems.add(new Problem(Setting.APPS, "no upstream app is configured"));
    }
    c.apps().values().forEach(a -> {
      if (a.clientId() == null || a.clientId().isBlank()) {
        problems.add(new Problem(
            Setting.CLIENT_ID, "is required: the OAuth client id registered with " + a.name()));
      }
      if (a.clientSecret() == null || a.clientSecret().isBlank()) {
        problems.add(new Problem(
            Setting.CLIENT_SECRET,
            "is required: the OAuth client secret registered with " + a.name()));
      }
      if (RESERVED.contains(a.name())) {
        problems.add(new Problem(Setting.APPS, "app name '" + a.name() + "' is reserved"));
      }
    });
    if (c.adminToken() != null && c.adminToken().length() < MIN_ADMIN_TOKEN_LENGTH) {
      problems.add(new Problem(
          Setting.ADMIN_TOKEN,
          "must be at least " + MIN_ADMIN_TOKEN_LENGTH + " characters (it"
              + " guards every account), not " + c.adminToken().length()
              + "; make one with `openssl rand -base64 32`"));
    }
    if (c.limits().accountPerSecond() <= 0) {
      problems.add(new Problem(
          Setting.ACCOUNT_RATE_LIMIT, "must be at least 1, not " + c.limits().accountPerSecond()));
    }
    if (c.limits().accountBurst() < 0) {
      problems.add(new Problem(
          Setting.ACCOUNT_BURST,
          "must be 0 (no burst) or more, not " + c.limits().accountBurst()));
    }
    if (c.limits().upstreamQuotaPerMinute() < 0) {
      problems.add(new Problem(Setting.UPSTREAM_QUOTA_PER_MINUTE, "must be 0 (no budget) or more"));
    }
    if (!positive(c.timeouts().connect())) {
      problems.add(new Problem(Setting.UPSTREAM_CONNECT_TIMEOUT, "must be more than zero"));
    }
    if (!positive(c.timeouts().response())) {
      problems.add(new Problem(Setting.UPSTREAM_RESPONSE_TIMEOUT, "must be more than zero"));
    }
    if (!positive(c.timeouts().requestBody())) {
      problems.add(new Problem(Setting.REQUEST_BODY_TIMEOUT, "must be more than zero"));
    }
    if (!positive(c.timeouts().upstreamPoolWait())) {
      problems.add(new Problem(Setting.UPSTREAM_POOL_WAIT, "must be more than zero"));
    }
    if (c.limits().upstreamSpikePerSecond() < 1) {
      problems.add(new Problem(
          Setting.UPSTREAM_SPIKE_PER_SECOND,
          "must be at least 1, not " + c.limits().upstreamSpikePerSecond()));
    }
    if (c.dbUrl() != null
        && !c.dbUrl().startsWith("jdbc:postgresql:")
        && !c.dbUrl().startsWith("jdbc:h2:")) {
      problems.add(new Problem(
          Setting.DB_URL,
          "must be a PostgreSQL JDBC URL such as"
              + " jdbc:postgresql://db.example:5432/keapgw?user=keapgw&password=..., got "
              + c.dbUrl().split("\\?")[0]));
    }
    if (c.redisUrl() != null
        && !c.redisUrl().startsWith("redis://")
        && !c.redisUrl().startsWith("rediss://")) {
      problems.add(new Problem(
          Setting.REDIS_URL, "must look like redis://host:6379 (or rediss:// for TLS)"));
    }
    return problems;
  }

  private static boolean positive(Duration d) {
    return d != null && !d.isNegative() && !d.isZero();
  }
}
