package dev.keapgw.sandbox.resthooks;

/** A subscription's status, spelled as Keap answers it. Deliveries go to {@link #Verified} hooks only. */
enum HookStatus {
  /** Created or changed, and no handshake has succeeded since. */
  Unverified,
  /** The handshake succeeded (or {@code delayedVerify} sent the right secret). */
  Verified,
  /** A delivery was answered 410, or four attempts failed; {@code verify} reactivates it. */
  Inactive
}
