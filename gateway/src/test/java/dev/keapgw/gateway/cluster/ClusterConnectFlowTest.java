package dev.keapgw.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keapgw.gateway.ConnectFlow;
import dev.keapgw.gateway.account.AccountService;
import dev.keapgw.gateway.engines.Cluster;
import dev.keapgw.gateway.engines.PostgresEngine;
import dev.keapgw.sandbox.TestHttp;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A connect flow needs no sticky sessions: created on one instance, opened on a second, and
 * called back on a third, it makes the connection ACTIVE for all of them.
 */
@Tag("slow")
class ClusterConnectFlowTest {
  static Cluster cluster;

  @BeforeAll
  static void start() {
    cluster = Cluster.start(3, PostgresEngine.shared().newDatabase(), null, s -> s, g -> g);
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void aConnectFlowStartedOnOneInstanceFinishesOnOthers() {
    AccountService.NewAccount acct = cluster.newAccount("roaming");
    TestHttp.Reply created =
        cluster.as(0, acct.key().secret()).post("/connections", java.util.Map.of("app", "keap"));
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().at("/connection/connection_id").asText();
    TestHttp.Reply opened =
        ConnectFlow.get(on(1, created.json().at("/connection/url").asText()));
    assertThat(opened.status()).as(opened.body()).isEqualTo(302);
    TestHttp.Reply authorized = ConnectFlow.get(opened.header("Location"));
    assertThat(authorized.status()).as(authorized.body()).isEqualTo(302);
    TestHttp.Reply callback = ConnectFlow.get(on(2, authorized.header("Location")));
    assertThat(callback.status()).as(callback.body()).isEqualTo(200);
    for (int i = 0; i < cluster.size(); i++) {
      assertThat(cluster
              .as(i, acct.key().secret())
              .get("/connections/" + id)
              .json()
              .at("/connection/status")
              .asText())
          .as("instance %d", i)
          .isEqualTo("ACTIVE");
    }
    assertThat(cluster
            .as(1, acct.key().secret())
            .get("/keap/crm/rest/v2/oauth/connect/userinfo")
            .status())
        .isEqualTo(200);
  }

  /** The same URL sent to instance {@code i} instead of the load balancer's address. */
  private static String on(int i, String url) {
    URI u = URI.create(url);
    URI base = URI.create(cluster.gateway(i).baseUrl());
    return base + u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
  }
}
