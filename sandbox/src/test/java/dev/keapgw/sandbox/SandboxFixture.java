package dev.keapgw.sandbox;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real sandbox on a free loopback port for a test class, seeded with the sample data, with
 * quotas off and a personal access key for the first tenant. Register it as a static field
 * with {@code @RegisterExtension}.
 */
public final class SandboxFixture implements BeforeAllCallback, AfterAllCallback {
  private final SandboxConfig config;
  private Sandbox sandbox;
  private String apiKey;

  public SandboxFixture() {
    this(testConfig());
  }

  /** The settings tests start from: a free port, and quotas counted but never enforced. */
  public static SandboxConfig testConfig() {
    return SandboxConfig.defaults()
        .withPort(0)
        .withQuotas(SandboxConfig.QuotaLimits.keap().withEnforced(false));
  }

  public SandboxFixture(SandboxConfig config) {
    this.config = config;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    sandbox = Sandbox.start(config);
    apiKey =
        sandbox.context().credentials().issueApiKey(Sandbox.tenantId(1), "1").token();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  public Sandbox sandbox() {
    return sandbox;
  }

  public String baseUrl() {
    return sandbox.baseUrl();
  }

  /** A client for the CRM API of the first tenant, with a personal access key. */
  public TestHttp api() {
    return TestHttp.bearer(sandbox.baseUrl() + "/crm/rest/v2", apiKey);
  }

  /** A client with no credentials, for the OAuth and control endpoints. */
  public TestHttp anonymous() {
    return new TestHttp(sandbox.baseUrl(), java.util.Map.of());
  }

  public String apiKey() {
    return apiKey;
  }
}
