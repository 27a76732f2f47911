package dev.keapgw.app.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Steers which Keap tenant the demo's auto-approving sandbox grants ({@code /_sandbox/oauth/approval}):
 * a connection bound to a tenant can only be authorized again for that tenant.
 */
final class SandboxApproval {
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI approval;

  SandboxApproval(String sandboxUrl) {
    this.approval = URI.create(sandboxUrl + "/_sandbox/oauth/approval");
  }

  /**
   * Approvals go to {@code tenantId} from now on; null: to the sandbox's first tenant (its default).
   *
   * @throws IllegalStateException when the sandbox refuses (e.g. it has no such tenant), with its answer
   */
  void grantTo(String tenantId) {
    HttpRequest.Builder req = HttpRequest.newBuilder(approval).timeout(Duration.ofSeconds(30));
    if (tenantId == null) {
      req.DELETE();
    } else {
      // a tenant id is the sandbox's own word (kx101): nothing to escape
      req.header("Content-Type", "application/json")
          .PUT(HttpRequest.BodyPublishers.ofString("{\"tenant_id\":\"" + tenantId + "\"}"));
    }
    HttpResponse<String> r;
    try {
      r = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(
          "the sandbox did not answer at " + approval + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while steering the sandbox's approval", e);
    }
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException("the sandbox would not approve for tenant " + tenantId + " ("
          + r.statusCode() + ": " + r.body() + ")");
    }
  }
}
