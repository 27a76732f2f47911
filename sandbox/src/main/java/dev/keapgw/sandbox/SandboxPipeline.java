package dev.keapgw.sandbox;

import dev.keapgw.sandbox.auth.Credentials;
import dev.keapgw.sandbox.auth.FaultException;
import dev.keapgw.sandbox.control.Faults;
import dev.keapgw.sandbox.control.Stats;
import dev.keapgw.sandbox.http.ApiException;
import dev.keapgw.sandbox.http.Caller;
import dev.keapgw.sandbox.http.ErrorBodies;
import dev.keapgw.sandbox.http.KeapRequest;
import dev.keapgw.sandbox.http.KeapResponse;
import dev.keapgw.sandbox.http.Routes;
import dev.keapgw.sandbox.http.Routing;
import dev.keapgw.sandbox.quota.QuotaCheck;
import dev.keapgw.sandbox.quota.QuotaDecision;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The way of one request through the sandbox, in the order Keap runs it: operator controls
 * and the OAuth endpoints first; then, for the CRM API, injected faults, the credential check
 * (before routing, as Keap's gateway does), quotas, routing and the handler.
 */
final class SandboxPipeline {
  private static final Logger LOG = LoggerFactory.getLogger(SandboxPipeline.class);

  private final Routing routing;
  private final Credentials credentials;
  private final QuotaCheck quotas;
  private final Faults faults;
  private final Stats stats;

  SandboxPipeline(
      Routing routing, Credentials credentials, QuotaCheck quotas, Faults faults, Stats stats) {
    this.routing = routing;
    this.credentials = credentials;
    this.quotas = quotas;
    this.faults = faults;
    this.stats = stats;
  }

  KeapResponse handle(KeapRequest req) {
    String path = req.path();
    if (path.equals(Routing.CONTROL_PREFIX) || path.startsWith(Routing.CONTROL_PREFIX + "/")) {
      return guarded(() -> route(routing.control(), req));
    }
    Optional<Faults.Rule> fault = faults.pick(path);
    if (fault.isPresent() && fault.get().kind() == Faults.Kind.DROP) {
      return KeapResponse.dropped();
    }
    if (fault.isPresent() && fault.get().kind() == Faults.Kind.STATUS) {
      int status = fault.get().status();
      return status == 429 ? ErrorBodies.quotaExceeded() : ErrorBodies.of(status, "Injected fault");
    }
    KeapResponse response =
        path.startsWith("/crm/") ? api(req) : guarded(() -> route(routing.open(), req));
    if (fault.isPresent() && fault.get().kind() == Faults.Kind.LATENCY) {
      response.delayed(fault.get().latencyMillis());
    }
    if (fault.isPresent() && fault.get().kind() == Faults.Kind.DROP_MID_BODY) {
      response.truncated();
    }
    return response;
  }

  private KeapResponse api(KeapRequest req) {
    stats.request();
    Caller caller;
    try {
      caller = credentials.authenticate(req);
    } catch (FaultException e) {
      KeapResponse r = KeapResponse.json(e.status(), e.body());
      quotas.blankHeaders().forEach(r::header);
      stats.response(r.status());
      return r;
    }
    req.caller(caller);
    QuotaDecision q = quotas.consume(caller);
    KeapResponse r;
    if (q.allowed()) {
      r = guarded(() -> route(routing.api(), req));
    } else {
      r = q.rejection();
      stats.response(r.status());
    }
    q.headers().forEach(r::header);
    return r;
  }

  private static KeapResponse route(Routes routes, KeapRequest req) {
    Routes.Match m = routes.match(req.method(), req.path());
    return switch (m) {
      case Routes.Found f -> {
        req.pathParams(f.params());
        yield f.handler().handle(req);
      }
      case Routes.NoMethod n ->
        ErrorBodies.of(
                405,
                "Method " + req.method() + " is not allowed here; allowed: "
                    + String.join(", ", n.allowed()))
            .header("Allow", String.join(", ", n.allowed()));
      case Routes.NoPath n ->
        ErrorBodies.of(404, "No such endpoint: " + req.method() + " " + req.path());
    };
  }

  private KeapResponse guarded(java.util.function.Supplier<KeapResponse> work) {
    KeapResponse r;
    try {
      r = work.get();
    } catch (ApiException e) {
      r = ErrorBodies.of(e);
    } catch (RuntimeException e) {
      LOG.error("sandbox bug while answering a request", e);
      r = ErrorBodies.of(500, "Internal error in the sandbox: " + e.getClass().getSimpleName());
    }
    stats.response(r.status());
    return r;
  }
}
