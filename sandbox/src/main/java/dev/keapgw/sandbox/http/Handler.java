package dev.keapgw.sandbox.http;

/** Answers one matched request. Blocking is fine: handlers run on worker threads. */
@FunctionalInterface
public interface Handler {
  KeapResponse handle(KeapRequest request);
}
