package dev.mcpworkbench.app.ui.session;

import java.net.URI;
import java.nio.file.Path;

/**
 * Where the server on screen came from. Saved profiles keep their suppressions and pin in the
 * profile; every other source keeps them for this run of the app only.
 */
public sealed interface SessionSource {

    /** What the status bar and the storage notes call it. */
    String label();

    /** A live connection (as opposed to a snapshot file). */
    default boolean live() {
        return true;
    }

    /** A connection saved in the sidebar, under {@code name}. */
    record Saved(String name) implements SessionSource {
        @Override
        public String label() {
            return name;
        }
    }

    /** A demo lab server started inside the app ({@code title} names which). */
    record Lab(String title, URI url) implements SessionSource {
        @Override
        public String label() {
            return title;
        }
    }

    /** A Streamable HTTP URL typed in ("Server → Connect to HTTP URL…"), not saved (yet). */
    record TypedUrl(URI url) implements SessionSource {
        @Override
        public String label() {
            return url.toString();
        }
    }

    /** A server snapshot read from a file: nothing is connected. */
    record SnapshotFile(Path file) implements SessionSource {
        @Override
        public String label() {
            return String.valueOf(file.getFileName());
        }

        @Override
        public boolean live() {
            return false;
        }
    }
}
