package dev.keapgw.gateway.trigger.keap;

/** Keap's REST hook vocabulary. */
final class Keap {
  private Keap() {}

  /** A subscription's status as Keap names it. */
  enum RestHookStatus {
    UNVERIFIED,
    VERIFIED,
    INACTIVE;

    static RestHookStatus of(String s) {
      if (Subscription.VERIFIED.equals(s)) {
        return VERIFIED;
      }
      return Subscription.INACTIVE.equals(s) ? INACTIVE : UNVERIFIED;
    }
  }
}
