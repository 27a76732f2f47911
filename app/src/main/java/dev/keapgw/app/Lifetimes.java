package dev.keapgw.app;

import dev.keapgw.app.demo.RunningDemo;
import dev.keapgw.gateway.Gateway;
import dev.keapgw.sandbox.Sandbox;
import java.io.PrintWriter;

/**
 * The lifetime of each command that runs a server: until the process is stopped in real use,
 * a test's own steps in tests. Whatever the lifetime does, the command closes its server after.
 */
record Lifetimes(Lifetime<RunningDemo> demo, Lifetime<Gateway> serve, Lifetime<Sandbox> sandbox) {

  /**
   * Every server runs until the process is asked to stop (Ctrl+C, SIGTERM); the command then
   * closes it, says so, and the process exits 0.
   */
  static Lifetimes untilStopped() {
    return new Lifetimes(
        untilStopped("keap-gateway demo stopped."),
        untilStopped("keap-gateway stopped."),
        untilStopped("Keap sandbox stopped."));
  }

  /** Every server stops as soon as it has started (tests replace the one they look at). */
  static Lifetimes none() {
    return new Lifetimes(d -> {}, g -> {}, s -> {});
  }

  Lifetimes withDemo(Lifetime<RunningDemo> l) {
    return new Lifetimes(l, serve, sandbox);
  }

  Lifetimes withServe(Lifetime<Gateway> l) {
    return new Lifetimes(demo, l, sandbox);
  }

  Lifetimes withSandbox(Lifetime<Sandbox> l) {
    return new Lifetimes(demo, serve, l);
  }

  private static <T extends AutoCloseable> Lifetime<T> untilStopped(String goodbye) {
    return new Lifetime<>() {
      private StopSignals signals;

      @Override
      public void beforeStart() {
        signals = StopSignals.install();
      }

      @Override
      public void run(T running) throws InterruptedException {
        signals.await();
      }

      @Override
      public void stopped(PrintWriter out) {
        out.println(goodbye);
      }
    };
  }
}
