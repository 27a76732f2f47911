package dev.keapgw.gateway.bench;

import dev.keapgw.gateway.DirectConnections;
import dev.keapgw.gateway.GatewayFixture;
import dev.keapgw.gateway.account.AccountService;
import dev.keapgw.gateway.config.GatewayConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts a sandbox (token server) and a gateway whose upstream is the given URL (the nginx page
 * of bench/nginx-ref.sh), with rate limits out of the way, makes one ACTIVE connection, writes
 * the API key to a file and runs until killed. Used by bench/proxy-vs-nginx.sh.
 *
 * <p>Arguments: upstream URL, gateway port, key file.
 */
public final class ProxyBenchServer {
  public static void main(String[] args) throws Exception {
    URI upstream = URI.create(args[0]);
    int port = Integer.parseInt(args[1]);
    Path keyFile = Path.of(args[2]);
    GatewayFixture fx = new GatewayFixture(s -> s, g -> g.withPort(port)
        .withLimits(new GatewayConfig.Limits(1_000_000, 1_000_000, 0))
        .withApp(g.apps().get("keap").at(upstream, g.apps().get("keap").authorizeUrl(), g.apps().get("keap").tokenUrl())),
        port);
    fx.beforeAll(null);
    AccountService.NewAccount a = fx.newAccount("bench");
    DirectConnections.activate(fx, a.account().id());
    Files.writeString(keyFile, a.key().secret());
    System.out.println("gateway ready on " + fx.gateway().baseUrl());
    Thread.currentThread().join();
  }
}
