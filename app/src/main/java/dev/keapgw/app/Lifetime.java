package dev.keapgw.app;

import java.io.PrintWriter;

/** What happens once a command's server runs; the real one waits until the process is asked to stop. */
@FunctionalInterface
interface Lifetime<T> {
  /** Called before the command starts its server (the real lifetime takes over SIGTERM and SIGINT here). */
  default void beforeStart() {}

  void run(T running) throws InterruptedException;

  /** Said once the command has closed its server after {@link #run} (nothing by default: tests). */
  default void stopped(PrintWriter out) {}
}
