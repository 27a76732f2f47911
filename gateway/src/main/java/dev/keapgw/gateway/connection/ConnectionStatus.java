package dev.keapgw.gateway.connection;

/** Maton's connection states: waiting for the OAuth grant, usable, or needing a reconnect. */
public enum ConnectionStatus {
  PENDING,
  ACTIVE,
  FAILED
}
