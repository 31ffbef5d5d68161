package dev.mcpworkbench.app.ui.lab;

import java.net.URI;
import java.util.List;

/**
 * Starts and stops the lab's in-process servers (an adapter over the lab module's start API).
 * Blocking: call off the FX thread.
 */
public interface LabControl {

    /**
     * Starts {@code kind} (restarting it if running) and returns the URL to connect to.
     * {@code behaviour} selects a misbehaviour of the authorization server ("" for a correct one).
     */
    URI start(DemoServer kind, String behaviour) throws Exception;

    void stop(DemoServer kind);

    /** A way the authorization server can misbehave: its option name and what it does wrong. */
    record Behaviour(String name, String description) {
    }

    /** Misbehaviours the authorization server can be started with; empty for the MCP servers. */
    List<Behaviour> behaviours(DemoServer kind);
}
