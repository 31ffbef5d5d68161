package dev.mcpworkbench.app.ui.connect;

import dev.mcpworkbench.app.ui.log.LogEntry;
import dev.mcpworkbench.app.ui.traffic.TrafficRow;
import dev.mcpworkbench.app.ui.workspace.LiveServer;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import java.util.List;

/** Opens live sessions to servers. Blocking: called off the FX thread. */
@FunctionalInterface
public interface Connector {

    Session open(ProfileFields profile, Listener listener) throws Exception;

    /**
     * Connections opened without asking the user anything (no authorization flow, no dialogs), for
     * work that runs through many servers at once; this connector itself when it never asks.
     */
    default Connector unattended() {
        return this;
    }

    /** A connected server. */
    interface Session extends LiveServer, AutoCloseable {

        /** Lists everything the server exposes (tools, resources, templates, prompts) with the initialize result. */
        ServerSnapshot snapshot() throws Exception;

        /** logging/setLevel. */
        void setLogLevel(String level) throws Exception;

        /** Replaces the roots offered to the server and tells it (roots/list_changed). */
        void setRoots(List<String> uris);

        @Override
        void close();
    }

    /** What a session reports while it lives; called on any thread. */
    interface Listener {
        void traffic(TrafficRow row);

        void log(LogEntry entry);

        /** "tools", "resources" or "prompts". */
        void listChanged(String list);

        /** The connection ended; {@code reason} is null when the workbench closed it. */
        void closed(String reason);
    }
}
