package dev.keapgw.app;

/** What happens once a command's server runs; the real one waits until the process is stopped. */
@FunctionalInterface
interface Lifetime<T> {
  void run(T running) throws InterruptedException;
}
