package dev.keapgw.cli;

import dev.keapgw.client.ClientOptions;
import dev.keapgw.client.KeapClient;
import dev.keapgw.client.Target;
import dev.keapgw.client.http.RetryListener;

/** The SDK client for the command's settings: its target, timeout, clock and sleeper. */
final class KeapClientFactory {
  private final CliEnv env;
  private final Settings settings;
  private final boolean verbose;

  KeapClientFactory(CliEnv env, Settings settings, boolean verbose) {
    this.env = env;
    this.settings = settings;
    this.verbose = verbose;
  }

  KeapClient build() {
    ClientOptions.Builder b = switch (settings.target()) {
      case Target.Gateway g -> {
        ClientOptions.Builder x = KeapClient.gateway(g.url(), g.apiKey());
        yield g.connectionId() == null ? x : x.connection(g.connectionId());
      }
      case Target.Direct d -> KeapClient.direct(d.url(), d.token());
    };
    RetryListener log = verbose
        ? (call, attempt, reason, wait) -> env.err()
            .println("keap: " + call.method() + " " + call.url() + " got " + reason + " (attempt "
                + attempt + "); retrying in " + wait.toMillis() + " ms")
        : RetryListener.NONE;
    return b.requestTimeout(settings.timeout())
        .clock(env.clock())
        .sleeper(env.sleeper())
        .userAgent("keap-cli/0.1")
        .retryListener(log)
        .build();
  }
}
