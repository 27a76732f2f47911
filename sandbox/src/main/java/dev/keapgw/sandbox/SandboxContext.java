package dev.keapgw.sandbox;

import dev.keapgw.sandbox.auth.Credentials;
import dev.keapgw.sandbox.control.Stats;
import dev.keapgw.sandbox.events.ChangeEvents;
import dev.keapgw.sandbox.list.Lister;
import dev.keapgw.sandbox.store.Hooks;
import dev.keapgw.sandbox.store.World;

/**
 * What resource modules share: the data, the credentials, the list engine, the settings, and
 * {@code events}, where a change made through the API is announced to REST hook subscribers.
 */
public record SandboxContext(
    SandboxConfig config,
    World world,
    Credentials credentials,
    Lister lister,
    Stats stats,
    Hooks hooks,
    ChangeEvents events) {}
