package dev.mcpworkbench.oauth.probe;

/** Watches probes run, e.g. to print each one's description before it sends and its verdict after. */
public interface ProbeListener {

    default void starting(ActiveProbe probe) {
    }

    default void finished(ProbeResult result) {
    }

    ProbeListener NONE = new ProbeListener() { };
}
