package dev.mcpworkbench.inspector.connect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Ends a process and everything it started (npx → node, sh → server, and daemons that forked
 * twice to get away), politely first.
 *
 * <p>The tree ({@link ProcessHandle#descendants()}) misses a process whose parent has exited: it is
 * re-parented to init (or a subreaper), which is exactly what a double-forking daemon arranges. So
 * the stdio transport also starts every server with {@link #MARKER_VARIABLE} set to a value of its
 * own, which every descendant inherits whatever its parent, its process group or its session; where
 * {@code /proc} exists (Linux), processes carrying it are found and ended too. A process that
 * clears its environment before exec, or runs as another user, escapes this; so does anything on
 * a system without {@code /proc}, where only the tree is ended.
 *
 * <p>Not done on purpose: starting the server in its own session ({@code setsid}) and killing the
 * group. A server in its own session no longer receives the terminal's Ctrl-C with the CLI, so an
 * interrupted CLI would leave it running; a daemon can leave a group with {@code setsid} anyway,
 * while it keeps its environment.
 */
public final class ProcessTree {

    /** Set in every stdio server's environment; its value marks the processes of one connection. */
    public static final String MARKER_VARIABLE = "MCP_WORKBENCH_SERVER_ID";

    private static final Path PROC = Path.of("/proc");

    private ProcessTree() {
    }

    /** Terminates the process and all its descendants (see {@link #kill(ProcessHandle, String)}). */
    public static void kill(ProcessHandle root) {
        kill(root, null);
    }

    /**
     * Terminates the process, all its descendants and (with a non-null {@code marker}, where the
     * platform allows) every process whose environment holds {@link #MARKER_VARIABLE}={@code marker}:
     * SIGTERM to all, then SIGKILL to whatever is still alive after a grace period, looking once more
     * for marked processes started in between. Descendants are collected first, because once the
     * parent dies its children are re-parented and can no longer be found through it.
     */
    public static void kill(ProcessHandle root, String marker) {
        Map<Long, ProcessHandle> all = new LinkedHashMap<>();
        all.put(root.pid(), root);
        root.descendants().forEach(h -> all.put(h.pid(), h));
        marked(marker).forEach(h -> all.putIfAbsent(h.pid(), h));
        all.values().forEach(ProcessHandle::destroy);
        CompletableFuture<?>[] exits = all.values().stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Grace period over (or interrupted): force what is left.
        }
        marked(marker).forEach(h -> all.putIfAbsent(h.pid(), h));
        for (ProcessHandle handle : all.values()) {
            handle.descendants().forEach(ProcessHandle::destroyForcibly);
            if (handle.isAlive()) handle.destroyForcibly();
        }
    }

    /** The live processes (other than this JVM) whose environment holds the marker; empty without /proc. */
    public static List<ProcessHandle> marked(String marker) {
        List<ProcessHandle> found = new ArrayList<>();
        if (marker == null || !Files.isDirectory(PROC.resolve("self"))) return found;
        byte[] wanted = (MARKER_VARIABLE + "=" + marker).getBytes(StandardCharsets.UTF_8);
        long self = ProcessHandle.current().pid();
        ProcessHandle.allProcesses().filter(h -> h.pid() != self).forEach(h -> {
            if (hasEntry(h.pid(), wanted)) found.add(h);
        });
        return found;
    }

    private static boolean hasEntry(long pid, byte[] wanted) {
        byte[] environ;
        try {
            environ = Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("environ"));
        } catch (IOException | SecurityException e) {
            return false; // gone, or another user's: not ours to end
        }
        // entries are NUL-terminated: the marker must be a whole entry
        int start = 0;
        for (int i = 0; i <= environ.length; i++) {
            if (i == environ.length || environ[i] == 0) {
                if (i - start == wanted.length && java.util.Arrays.equals(environ, start, i, wanted, 0, wanted.length)) return true;
                start = i + 1;
            }
        }
        return false;
    }
}
