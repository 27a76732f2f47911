package dev.keapgw.gateway.trigger;

/**
 * The triggers feature's account-scoped services, for other surfaces than the API (the web
 * console): the same checks, the same answers for another account's ids (404), the same store.
 */
public record TriggerServices(
    TriggerService triggers, DestinationService destinations, EventService events) {}
