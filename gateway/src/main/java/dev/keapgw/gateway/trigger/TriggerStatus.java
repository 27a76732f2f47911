package dev.keapgw.gateway.trigger;

/**
 * A trigger's or a destination's state: taking events; switched off (by its owner, or for a
 * destination by the gateway after a 410 or a day of failures, with a reason); or, for a
 * trigger, unable to fire (its connection or Keap subscription is gone, with a reason).
 */
public enum TriggerStatus {
  ENABLED,
  DISABLED,
  FAILED
}
