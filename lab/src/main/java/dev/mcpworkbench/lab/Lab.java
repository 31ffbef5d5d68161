package dev.mcpworkbench.lab;

import dev.mcpworkbench.lab.auth.AsSettings;
import dev.mcpworkbench.lab.auth.LabAuthorizationServer;
import dev.mcpworkbench.lab.auth.ProtectedResource;
import dev.mcpworkbench.lab.secure.SecureServer;
import dev.mcpworkbench.lab.server.HttpMcpEndpoint;
import dev.mcpworkbench.lab.server.LabCatalog;
import dev.mcpworkbench.lab.server.LabHttpServer;
import dev.mcpworkbench.lab.server.LabServerFactory;
import dev.mcpworkbench.lab.server.LabTool;
import dev.mcpworkbench.lab.server.RequestGuard;
import dev.mcpworkbench.lab.server.SkillsMethods;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * Starts lab servers in-process on 127.0.0.1:
 * <pre>{@code
 * try (RunningLab lab = Lab.start(LabSpec.secure().withAuth().withAutoApprove())) {
 *     URI url = lab.mcpUrl();            // http://127.0.0.1:<port>/mcp
 *     URI issuer = lab.issuer().get();   // http://127.0.0.1:<other port>
 * }
 * }</pre>
 */
public final class Lab {

    private Lab() {
    }

    public static RunningLab start(LabSpec spec) {
        LabCatalog catalog = spec.server().newCatalog();
        LabHttpServer http = new LabHttpServer(spec.port());
        URI mcpUrl = URI.create(http.origin() + RunningLab.MCP_PATH);
        LabAuthorizationServer as = null;
        RequestGuard guard = RequestGuard.OPEN;
        try {
            if (spec.auth()) {
                as = LabAuthorizationServer.start(new AsSettings(spec.misbehaviours(), spec.autoApprove(), spec.issuerPath(),
                        List.of(mcpUrl), SecureServer.SCOPES, Set.of(), spec.dpop()));
                ProtectedResource resource = new ProtectedResource(mcpUrl, as,
                        tool -> catalog.tool(tool).map(LabTool::requiredScope).orElse(null));
                guard = resource;
                http.route(ProtectedResource.METADATA_PATH, resource::serveMetadata);
            }
            HttpMcpEndpoint endpoint = new HttpMcpEndpoint(catalog.strict(), guard, new SkillsMethods(catalog.skills()));
            McpStatelessSyncServer mcp = LabServerFactory.statelessServer(catalog, endpoint);
            http.route(RunningLab.MCP_PATH, endpoint).start();
            return new RunningLab(spec, http, mcp, as);
        } catch (RuntimeException e) {
            http.close();
            if (as != null) {
                as.close();
            }
            throw e;
        }
    }
}
