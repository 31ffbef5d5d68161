package dev.mcpworkbench.lab;

import dev.mcpworkbench.lab.auth.LabAuthorizationServer;
import dev.mcpworkbench.lab.server.LabHttpServer;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** A started lab: an MCP server on loopback and, when asked for, its authorization server. Close to stop both. */
public final class RunningLab implements AutoCloseable {

    /** The path of the MCP endpoint on the lab's HTTP server. */
    public static final String MCP_PATH = "/mcp";

    private final LabSpec spec;
    private final LabHttpServer http;
    private final McpStatelessSyncServer mcp;
    private final LabAuthorizationServer authorizationServer;
    private final AtomicBoolean closed = new AtomicBoolean();

    RunningLab(LabSpec spec, LabHttpServer http, McpStatelessSyncServer mcp, LabAuthorizationServer authorizationServer) {
        this.spec = spec;
        this.http = http;
        this.mcp = mcp;
        this.authorizationServer = authorizationServer;
    }

    public LabSpec spec() {
        return spec;
    }

    /** The Streamable HTTP endpoint, e.g. {@code http://127.0.0.1:54321/mcp}. */
    public URI mcpUrl() {
        return URI.create(http.origin() + MCP_PATH);
    }

    /** The MCP server's origin, e.g. {@code http://127.0.0.1:54321} (for SDK transports that take base + endpoint). */
    public URI mcpOrigin() {
        return URI.create(http.origin());
    }

    /** The authorization server's issuer, when the lab was started with auth. */
    public Optional<URI> issuer() {
        return authorizationServer().map(LabAuthorizationServer::issuer);
    }

    public Optional<LabAuthorizationServer> authorizationServer() {
        return Optional.ofNullable(authorizationServer);
    }

    /** Stops both servers; calling it again does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        mcp.close();
        http.close();
        if (authorizationServer != null) {
            authorizationServer.close();
        }
    }
}
