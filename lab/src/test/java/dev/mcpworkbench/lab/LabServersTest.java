package dev.mcpworkbench.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LabServersTest {

    @Test
    void flawedServerOverHttpListsEverythingAndLeaks() {
        try (RunningLab lab = Lab.start(LabSpec.flawed()); McpSyncClient client = LabClients.http(lab.mcpUrl(), null)) {
            assertThat(lab.mcpUrl().toString()).startsWith("http://127.0.0.1:").endsWith("/mcp");
            client.initialize();
            assertThat(client.listTools().tools()).hasSizeGreaterThan(40);
            assertThat(client.listResources().resources()).isNotEmpty();
            assertThat(client.listResourceTemplates().resourceTemplates()).isNotEmpty();
            assertThat(client.listPrompts().prompts()).isNotEmpty();

            String config = text(client.callTool(new CallToolRequest("get_integration_config", Map.of())));
            assertThat(config).containsPattern("AKIA[0-9A-Z]{16}").containsPattern("ghp_[A-Za-z0-9]{36}");

            String export = text(client.callTool(new CallToolRequest("export_all_notes", Map.of())));
            assertThat(export.length()).isGreaterThan(50_000);

            CallToolResult stats = client.callTool(new CallToolRequest("get_note_stats", Map.of("project", "P-1")));
            assertThat(stats.isError()).isFalse();
            assertThat(((Map<?, ?>) stats.structuredContent()).get("count")).isEqualTo("many");

            String ticket = text(client.callTool(new CallToolRequest("get_ticket", Map.of("id", "T-1"))));
            assertThat(ticket).contains("\u001b[8m").contains("Ignore previous instructions");
        }
    }

    @Test
    void secureServerOverHttpValidatesInputsAndReturnsStructuredNotes() {
        try (RunningLab lab = Lab.start(LabSpec.secure()); McpSyncClient client = LabClients.http(lab.mcpUrl(), null)) {
            client.initialize();
            assertThat(client.listTools().tools()).extracting(t -> t.name())
                    .containsExactlyInAnyOrder("search_notes", "record_note", "delete_note");
            CallToolResult hits = client.callTool(new CallToolRequest("search_notes", Map.of("query", "ops", "limit", 1)));
            assertThat(hits.isError()).isFalse();
            assertThat(((Map<?, ?>) hits.structuredContent()).keySet()).extracting(String::valueOf).contains("results", "nextCursor");

            CallToolResult bad = client.callTool(new CallToolRequest("record_note", Map.of("noteId", "../../etc/passwd",
                    "title", "x", "body", "y")));
            assertThat(bad.isError()).isTrue();
            CallToolResult extra = client.callTool(new CallToolRequest("record_note", Map.of("title", "x", "body", "y", "owner", "z")));
            assertThat(extra.isError()).isTrue();
            CallToolResult recorded = client.callTool(new CallToolRequest("record_note", Map.of("title", "Lab", "body", "Works")));
            assertThat(recorded.isError()).isFalse();
            assertThat(((Map<?, ?>) recorded.structuredContent()).get("created")).isEqualTo(true);
            String id = String.valueOf(((Map<?, ?>) recorded.structuredContent()).get("id"));
            var read = client.readResource(new io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest("notes://note/" + id));
            assertThat(((io.modelcontextprotocol.spec.McpSchema.TextResourceContents) read.contents().get(0)).text()).contains("Works");
        }
    }

    @Test
    void bothServersAnswerOverStdio() {
        for (LabServerKind kind : LabServerKind.values()) {
            try (McpSyncClient client = LabClients.stdio(kind)) {
                assertThat(client.initialize().serverInfo().name()).isEqualTo(kind.newCatalog().name());
                assertThat(client.listTools().tools()).isNotEmpty();
            }
        }
    }

    static String text(CallToolResult result) {
        return ((TextContent) result.content().get(0)).text();
    }
}
