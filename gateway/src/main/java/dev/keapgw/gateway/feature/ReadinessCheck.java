package dev.keapgw.gateway.feature;

/**
 * One condition for {@code /readyz}. Blocking is allowed (it runs on a worker thread).
 * Returns null when ready, else why not, in words an operator can act on.
 */
@FunctionalInterface
public interface ReadinessCheck {
  String problem();
}
