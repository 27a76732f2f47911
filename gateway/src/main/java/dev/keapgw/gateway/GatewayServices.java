package dev.keapgw.gateway;

import dev.keapgw.gateway.account.AccountRepository;
import dev.keapgw.gateway.account.AccountService;
import dev.keapgw.gateway.account.ApiKeyAuthenticator;
import dev.keapgw.gateway.config.GatewayConfig;
import dev.keapgw.gateway.connection.ConnectionRepository;
import dev.keapgw.gateway.crypto.SecretBox;
import dev.keapgw.gateway.oauth.UpstreamOAuthClient;
import dev.keapgw.gateway.ops.ReadinessChecks;
import dev.keapgw.gateway.store.Database;
import dev.keapgw.gateway.traffic.TrafficRecorder;
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
    UpstreamOAuthClient oauth,
    PrometheusMeterRegistry metrics,
    ReadinessChecks readiness,
    TrafficRecorder traffic) {}
