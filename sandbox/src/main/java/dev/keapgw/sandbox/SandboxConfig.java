package dev.keapgw.sandbox;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Everything the sandbox can be told at start, with every default in {@link #defaults()}.
 *
 * @param host address to listen on
 * @param port port to listen on; 0 picks a free one
 * @param clientId the default OAuth client's id
 * @param clientSecret the default OAuth client's secret
 * @param redirectUris redirect URIs registered for the default client (exact match)
 * @param tenants how many Keap accounts to emulate
 * @param seedContacts contacts seeded into each tenant at start (0: the sample data only)
 * @param seed whether to seed sample data at start
 * @param accessTokenTtl access token lifetime (Keap: 24 h)
 * @param refreshTokenTtl refresh token lifetime (Keap: 45 days)
 * @param authCodeTtl authorization code lifetime
 * @param autoApprove skip the consent page and approve for the default tenant
 * @param quotas quota limits, enforced unless {@code quotas.enforced()} is false
 * @param dataDir where to persist data; null keeps everything in memory
 * @param hookDelay the scale of REST hook timing: Keap's 30 s, which makes a first delivery
 *     come 30 to 60 s after a change; every other delay of Keap's hook policy (5 to 10
 *     minutes for some tag events, retries after 30 to 60 s, 5 and 30 minutes) scales with it
 * @param clock the clock tokens, quotas and timestamps follow
 */
public record SandboxConfig(
    String host,
    int port,
    String clientId,
    String clientSecret,
    List<String> redirectUris,
    int tenants,
    int seedContacts,
    boolean seed,
    Duration accessTokenTtl,
    Duration refreshTokenTtl,
    Duration authCodeTtl,
    boolean autoApprove,
    QuotaLimits quotas,
    Path dataDir,
    Duration hookDelay,
    Clock clock) {

  public SandboxConfig {
    if (hookDelay == null || hookDelay.isNegative() || hookDelay.isZero()) {
      throw new IllegalArgumentException("hookDelay must be longer than zero");
    }
  }

  /**
   * Keap's published limits (see the README's quota section), whether they are enforced, and
   * which body a 429 carries. When not enforced, requests are still counted and reported in
   * the {@code x-keap-*} headers but never refused.
   */
  public record QuotaLimits(
      boolean enforced,
      int clientPerMinute,
      int clientPerDay,
      int tenantPerMinute,
      int tenantPerDay,
      int apiKeyPerSecond,
      int apiKeyPerMinute,
      int apiKeyPerDay,
      int spikePerSecond,
      RejectionBody rejectionBody) {

    /** The two 429 bodies Keap has been seen to send. */
    public enum RejectionBody {
      /** Today's {@code {"code":"429","message":"Quota Exceeded",...}}. */
      KEAP,
      /** The older Apigee {@code {"fault":{"faultstring":"Rate limit quota violation..."}}}. */
      APIGEE_FAULT
    }

    public QuotaLimits {
      if (rejectionBody == null) {
        throw new IllegalArgumentException("rejectionBody must be KEAP or APIGEE_FAULT");
      }
    }

    /** Limits with today's Keap 429 body. */
    public QuotaLimits(
        boolean enforced,
        int clientPerMinute,
        int clientPerDay,
        int tenantPerMinute,
        int tenantPerDay,
        int apiKeyPerSecond,
        int apiKeyPerMinute,
        int apiKeyPerDay,
        int spikePerSecond) {
      this(
          enforced,
          clientPerMinute,
          clientPerDay,
          tenantPerMinute,
          tenantPerDay,
          apiKeyPerSecond,
          apiKeyPerMinute,
          apiKeyPerDay,
          spikePerSecond,
          RejectionBody.KEAP);
    }

    public static QuotaLimits keap() {
      return new QuotaLimits(true, 1500, 150_000, 10_000, 250_000, 10, 240, 30_000, 25);
    }

    public QuotaLimits withEnforced(boolean on) {
      return new QuotaLimits(
          on,
          clientPerMinute,
          clientPerDay,
          tenantPerMinute,
          tenantPerDay,
          apiKeyPerSecond,
          apiKeyPerMinute,
          apiKeyPerDay,
          spikePerSecond,
          rejectionBody);
    }

    public QuotaLimits withRejectionBody(RejectionBody body) {
      return new QuotaLimits(
          enforced,
          clientPerMinute,
          clientPerDay,
          tenantPerMinute,
          tenantPerDay,
          apiKeyPerSecond,
          apiKeyPerMinute,
          apiKeyPerDay,
          spikePerSecond,
          body);
    }
  }

  public static SandboxConfig defaults() {
    return new SandboxConfig(
        "127.0.0.1",
        9090,
        "sandbox-client",
        "sandbox-secret",
        List.of("http://localhost:8080/oauth/callback", "http://127.0.0.1:8080/oauth/callback"),
        2,
        0,
        true,
        Duration.ofHours(24),
        Duration.ofDays(45),
        Duration.ofMinutes(10),
        false,
        QuotaLimits.keap(),
        null,
        Duration.ofSeconds(30),
        Clock.systemUTC());
  }

  public SandboxConfig withPort(int p) {
    return new SandboxConfig(
        host,
        p,
        clientId,
        clientSecret,
        redirectUris,
        tenants,
        seedContacts,
        seed,
        accessTokenTtl,
        refreshTokenTtl,
        authCodeTtl,
        autoApprove,
        quotas,
        dataDir,
        hookDelay,
        clock);
  }

  public SandboxConfig withHost(String h) {
    return new SandboxConfig(
        h,
        port,
        clientId,
        clientSecret,
        redirectUris,
        tenants,
        seedContacts,
        seed,
        accessTokenTtl,
        refreshTokenTtl,
        authCodeTtl,
        autoApprove,
        quotas,
        dataDir,
        hookDelay,
        clock);
  }

  public SandboxConfig withClient(String id, String secret, List<String> redirects) {
    return new SandboxConfig(
        host,
        port,
        id,
        secret,
        List.copyOf(redirects),
        tenants,
        seedContacts,
        seed,
        accessTokenTtl,
        refreshTokenTtl,
        authCodeTtl,
        autoApprove,
        quotas,
        dataDir,
        hookDelay,
        clock);
  }

  public SandboxConfig withTenants(int n, int contacts, boolean seedData) {
    return new SandboxConfig(
        host,
        port,
        clientId,
        clientSecret,
        redirectUris,
        n,
        contacts,
        seedData,
        accessTokenTtl,
        refreshTokenTtl,
        authCodeTtl,
        autoApprove,
        quotas,
        dataDir,
        hookDelay,
        clock);
  }

  public SandboxConfig withTokenTtls(Duration access, Duration refresh) {
    return new SandboxConfig(
        host,
        port,
        clientId,
        clientSecret,
        redirectUris,
        tenants,
        seedContacts,
        seed,
        access,
        refresh,
        authCodeTtl,
        autoApprove,
        quotas,
        dataDir,
        hookDelay,
        clock);
  }

  public SandboxConfig withAutoApprove(boolean on) {
    return new SandboxConfig(
        host,
        port,
        clientId,
        clientSecret,
        redirectUris,
        tenants,
        seedContacts,
        seed,
        accessTokenTtl,
        refreshTokenTtl,
        authCodeTtl,
        on,
        quotas,
        dataDir,
        hookDelay,
        clock);
  }

  public SandboxConfig withQuotas(QuotaLimits q) {
    return new SandboxConfig(
        host,
        port,
        clientId,
        clientSecret,
        redirectUris,
        tenants,
        seedContacts,
        seed,
        accessTokenTtl,
        refreshTokenTtl,
        authCodeTtl,
        autoApprove,
        q,
        dataDir,
        hookDelay,
        clock);
  }

  public SandboxConfig withDataDir(Path dir) {
    return new SandboxConfig(
        host,
        port,
        clientId,
        clientSecret,
        redirectUris,
        tenants,
        seedContacts,
        seed,
        accessTokenTtl,
        refreshTokenTtl,
        authCodeTtl,
        autoApprove,
        quotas,
        dir,
        hookDelay,
        clock);
  }

  public SandboxConfig withClock(Clock c) {
    return new SandboxConfig(
        host,
        port,
        clientId,
        clientSecret,
        redirectUris,
        tenants,
        seedContacts,
        seed,
        accessTokenTtl,
        refreshTokenTtl,
        authCodeTtl,
        autoApprove,
        quotas,
        dataDir,
        hookDelay,
        c);
  }

  /** The scale of REST hook timing (see the {@code hookDelay} parameter); tests use a few milliseconds. */
  public SandboxConfig withHookDelay(Duration d) {
    return new SandboxConfig(
        host,
        port,
        clientId,
        clientSecret,
        redirectUris,
        tenants,
        seedContacts,
        seed,
        accessTokenTtl,
        refreshTokenTtl,
        authCodeTtl,
        autoApprove,
        quotas,
        dataDir,
        d,
        clock);
  }

  /** Parses durations such as {@code 500ms}, {@code 5s}, {@code 10m}, {@code 24h}, {@code 45d}. */
  public static Duration parseDuration(String text) {
    String t = text.trim().toLowerCase(java.util.Locale.ROOT);
    try {
      if (t.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      }
      long n = Long.parseLong(t.substring(0, t.length() - 1));
      return switch (t.charAt(t.length() - 1)) {
        case 's' -> Duration.ofSeconds(n);
        case 'm' -> Duration.ofMinutes(n);
        case 'h' -> Duration.ofHours(n);
        case 'd' -> Duration.ofDays(n);
        default -> throw new IllegalArgumentException();
      };
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("'" + text
          + "' is not a duration: use a number and a unit, such as 500ms, 5s, 10m, 24h or 45d");
    }
  }
}
