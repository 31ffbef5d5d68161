package dev.mcpworkbench.inspector.traffic;

/**
 * Told about every entry as it is captured, on the capturing thread (a reader or the caller's
 * thread): keep it quick and hop to your own thread (e.g. {@code Platform.runLater}) for UI work.
 */
@FunctionalInterface
public interface TrafficListener {
    void onEntry(TrafficEntry entry);
}
