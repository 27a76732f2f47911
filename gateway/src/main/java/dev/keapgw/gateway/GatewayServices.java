package dev.keapgw.gateway;

import dev.keapgw.gateway.account.AccountRepository;
import dev.keapgw.gateway.account.AccountService;
import dev.keapgw.gateway.account.ApiKeyAuthenticator;
import dev.keapgw.gateway.config.GatewayConfig;
import dev.keapgw.gateway.connection.ConnectionRepository;
import dev.keapgw.gateway.crypto.KeyRotation;
import dev.keapgw.gateway.crypto.SecretBox;
import dev.keapgw.gateway.oauth.UpstreamOAuthClient;
import dev.keapgw.gateway.ops.ReadinessChecks;
import dev.keapgw.gateway.store.Database;
import dev.keapgw.gateway.traffic.TrafficRecorder;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;

/** The parts of a running gateway that its features share. */
public record GatewayServices(
    GatewayConfig config,
    Vertx vertx,
    Database db,
    AccountRepository accountRepo,
    AccountService accounts,
    ApiKeyAuthenticator auth,
    ConnectionRepository connectionRepo,
    SecretBox secrets,
    UpstreamOAuthClient oauth,
    PrometheusMeterRegistry metrics,
    ReadinessChecks readiness,
    TrafficRecorder traffic) {

  /**
   * The services of a gateway on this store. Refuses a store whose secrets were sealed with
   * keys that are not configured: otherwise every request on an existing connection would fail,
   * one at a time.
   */
  static GatewayServices open(GatewayConfig config, Vertx vertx, Database db) {
    var missing =
        new KeyRotation(db.jdbi(), new SecretBox(config.keys()), config.keys()).missingKeyIds();
    if (!missing.isEmpty()) {
      throw new StartFailure(
          new StartFailure.EncryptionKeysMissing(missing, config.keys().ids()));
    }
    AccountRepository accountRepo = new AccountRepository(db.jdbi());
    ApiKeyAuthenticator auth = new ApiKeyAuthenticator(
        vertx, accountRepo, config.clock(), config.tuning().storeCache(db.embedded()));
    var oauthHttp = vertx.createHttpClient(
        new HttpClientOptions()
            .setConnectTimeout((int) config.timeouts().connect().toMillis()),
        new PoolOptions().setHttp1MaxSize(config.tuning().oauthConnections()));
    return new GatewayServices(
        config,
        vertx,
        db,
        accountRepo,
        new AccountService(accountRepo, auth, config.clock()),
        auth,
        new ConnectionRepository(db.jdbi()),
        new SecretBox(config.keys()),
        new UpstreamOAuthClient(
            oauthHttp, config.timeouts().response(), vertx.getOrCreateContext()),
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
        new ReadinessChecks(),
        new TrafficRecorder());
  }
}
