package dev.mcpworkbench.inspector.connect;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Ends a process and everything it started (npx → node, sh → server), politely first. */
public final class ProcessTree {

    private ProcessTree() {
    }

    /**
     * Terminates the process and all its descendants: SIGTERM to all, then SIGKILL to whatever is
     * still alive after a grace period. Descendants are collected first, because once the parent
     * dies its children are re-parented and can no longer be found through it.
     */
    public static void kill(ProcessHandle root) {
        List<ProcessHandle> all = new ArrayList<>();
        root.descendants().forEach(all::add);
        all.add(0, root);
        all.forEach(ProcessHandle::destroy);
        CompletableFuture<?>[] exits = all.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Grace period over (or interrupted): force what is left.
        }
        for (ProcessHandle handle : all) {
            if (handle.isAlive()) handle.destroyForcibly();
        }
    }
}
