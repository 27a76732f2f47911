package dev.keapgw.app;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT (Ctrl+C) as a request to stop cleanly. The JVM's own handling of them runs
 * the shutdown hooks and then exits with 128 plus the signal (143, 130), which service managers
 * record as a failure; here the signal only wakes the command, which closes its server and
 * returns, so the process exits 0. The handlers are installed before the server starts, so a
 * signal during start-up stops the server as soon as it is up. A second signal ends the process
 * at once, with the JVM's usual status.
 */
final class StopSignals {
  private static final String[] STOPPING = {"TERM", "INT"};
  private final CountDownLatch stop = new CountDownLatch(1);
  private final AtomicInteger received = new AtomicInteger();

  private StopSignals() {}

  /** Takes over SIGTERM and SIGINT for this process. */
  static StopSignals install() {
    StopSignals s = new StopSignals();
    for (String name : STOPPING) {
      Signal.handle(new Signal(name), signal -> {
        if (s.received.incrementAndGet() == 1) {
          s.stop.countDown();
        } else {
          Runtime.getRuntime().halt(128 + signal.getNumber());
        }
      });
    }
    return s;
  }

  /** Waits until the process is asked to stop. */
  void await() throws InterruptedException {
    stop.await();
  }
}
