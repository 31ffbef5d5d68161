package dev.mcpworkbench.lab;

import dev.mcpworkbench.lab.server.Json;
import dev.mcpworkbench.lab.server.LabSchemaValidators;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import java.net.URI;
import java.time.Duration;

/** MCP SDK clients pointed at lab servers. */
final class LabClients {

    private LabClients() {
    }

    static McpSyncClient http(URI mcpUrl, String bearerToken) {
        var builder = HttpClientStreamableHttpTransport.builder(mcpUrl.getScheme() + "://" + mcpUrl.getAuthority())
                .endpoint(mcpUrl.getPath())
                .jsonMapper(Json.MCP)
                .connectTimeout(Duration.ofSeconds(5));
        if (bearerToken != null) {
            builder.httpRequestCustomizer((request, method, uri, body, ctx) -> request.setHeader("Authorization", "Bearer " + bearerToken));
        }
        return McpClient.sync(builder.build()).jsonSchemaValidator(LabSchemaValidators.strict()).requestTimeout(Duration.ofSeconds(20)).build();
    }

    static McpSyncClient stdio(LabServerKind kind) {
        ServerParameters params = StdioLab.serverParameters(kind);
        return McpClient.sync(new StdioClientTransport(params, Json.MCP)).jsonSchemaValidator(LabSchemaValidators.strict()).requestTimeout(Duration.ofSeconds(30))
                .initializationTimeout(Duration.ofSeconds(30)).build();
    }
}
