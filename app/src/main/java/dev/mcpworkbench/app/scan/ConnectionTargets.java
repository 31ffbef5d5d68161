package dev.mcpworkbench.app.scan;

import dev.mcpworkbench.inspector.connect.ServerTarget;
import dev.mcpworkbench.inspector.rules.ConnectionTarget;

/** What the static rules need to know about how a server was reached (DRIFT-003, TRANSPORT-001). */
public final class ConnectionTargets {

    private ConnectionTargets() {
    }

    public static ConnectionTarget of(ServerTarget target) {
        return switch (target) {
            case ServerTarget.Stdio s -> ConnectionTarget.stdio(s.command(), s.args());
            case ServerTarget.StreamableHttp h -> ConnectionTarget.http(h.url().toString(), h.headers());
            case ServerTarget.Sse h -> ConnectionTarget.http(h.url().toString(), h.headers());
        };
    }
}
