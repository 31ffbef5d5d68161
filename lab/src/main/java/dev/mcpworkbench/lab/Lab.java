package dev.mcpworkbench.lab;

import dev.mcpworkbench.lab.server.HttpMcpEndpoint;
import dev.mcpworkbench.lab.server.LabCatalog;
import dev.mcpworkbench.lab.server.LabHttpServer;
import dev.mcpworkbench.lab.server.LabServerFactory;
import dev.mcpworkbench.lab.server.RequestGuard;
import io.modelcontextprotocol.server.McpStatelessSyncServer;

/**
 * Starts lab servers in-process on 127.0.0.1:
 * <pre>{@code
 * try (RunningLab lab = Lab.start(LabSpec.flawed())) {
 *     URI url = lab.mcpUrl();   // http://127.0.0.1:<port>/mcp
 * }
 * }</pre>
 */
public final class Lab {

    private Lab() {
    }

    public static RunningLab start(LabSpec spec) {
        if (spec.auth()) {
            throw new IllegalStateException("the lab authorization server is not available yet");
        }
        LabCatalog catalog = spec.server().newCatalog();
        LabHttpServer http = new LabHttpServer(spec.port());
        HttpMcpEndpoint endpoint = new HttpMcpEndpoint(catalog.strict(), RequestGuard.OPEN);
        McpStatelessSyncServer mcp = LabServerFactory.statelessServer(catalog, endpoint);
        http.route(RunningLab.MCP_PATH, endpoint).start();
        return new RunningLab(spec, http, mcp, null);
    }
}
