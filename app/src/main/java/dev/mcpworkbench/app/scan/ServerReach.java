package dev.mcpworkbench.app.scan;

import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;

/**
 * Connects to one server, lists what it exposes and disconnects. Blocking; an interrupt (Cancel,
 * the server's time limit) must end it, leaving nothing running.
 */
@FunctionalInterface
public interface ServerReach<T> {

    ServerSnapshot snapshot(T address) throws Exception;
}
