package dev.keapgw.gateway.feature;

import dev.keapgw.gateway.account.AccountRepository;
import dev.keapgw.gateway.account.AccountService;
import dev.keapgw.gateway.account.ApiKeyAuthenticator;
import dev.keapgw.gateway.config.GatewayConfig;
import dev.keapgw.gateway.connection.ConnectionRepository;
import dev.keapgw.gateway.crypto.KeyRotation;
import dev.keapgw.gateway.crypto.SecretBox;
import dev.keapgw.gateway.error.StartFailure;
import dev.keapgw.gateway.oauth.OAuthClient;
import dev.keapgw.gateway.oauth.UpstreamOAuthClient;
import dev.keapgw.gateway.store.Database;
import dev.keapgw.gateway.traffic.TrafficRecorder;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;

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
    OAuthClient oauth,
    PrometheusMeterRegistry metrics,
    ReadinessChecks readiness,
    TrafficRecorder traffic) {

  /**
   * The services of a gateway on this store. Refuses a store whose secrets were sealed with
   * keys that are not configured: otherwise every request on an existing connection would fail,
   * one at a time.
   */
  public static GatewayServices open(GatewayConfig config, Vertx vertx, Database db) {
    SecretBox secrets = new SecretBox(config.keys());
    var missing = new KeyRotation(db.jdbi(), secrets, config.keys()).missingKeyIds();
    if (!missing.isEmpty()) {
      throw new StartFailure(
          new StartFailure.EncryptionKeysMissing(missing, config.keys().ids()));
    }
    AccountRepository accountRepo = new AccountRepository(db.jdbi());
    ApiKeyAuthenticator auth = new ApiKeyAuthenticator(
        vertx, accountRepo, config.clock(), config.tuning().storeCache(db.embedded()));
    return new GatewayServices(
        config,
        vertx,
        db,
        accountRepo,
        new AccountService(accountRepo, auth, config.clock()),
        auth,
        new ConnectionRepository(db.jdbi()),
        secrets,
        new UpstreamOAuthClient(config.timeouts().connect(), config.timeouts().response()),
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
        new ReadinessChecks(),
        new TrafficRecorder());
  }
}
