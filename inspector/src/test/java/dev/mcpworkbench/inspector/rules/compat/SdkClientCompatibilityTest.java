package dev.mcpworkbench.inspector.rules.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.Location;
import dev.mcpworkbench.inspector.rules.ScanContext;
import dev.mcpworkbench.inspector.rules.ScanSubject;
import dev.mcpworkbench.inspector.rules.Severity;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

/** COMPAT-001 on the cases measured against the SDK 2.1.0 client: what it rejects, what it alters, what it lets through. */
class SdkClientCompatibilityTest {

    private static final ObjectMapper M = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return M.readTree(text);
    }

    private static ObjectNode initialize(String protocolVersion) throws Exception {
        return (ObjectNode) json("{\"protocolVersion\":\"" + protocolVersion + "\",\"capabilities\":{\"tools\":{},\"resources\":{},\"prompts\":{}},"
                + "\"serverInfo\":{\"name\":\"s\",\"version\":\"1\"}}");
    }

    private static List<Finding> check(ServerSnapshot snapshot) {
        return new SdkClientCompatibility().check(new ScanSubject(snapshot, ScanContext.defaults()));
    }

    private static List<Finding> tools(String... tools) throws Exception {
        List<JsonNode> list = new java.util.ArrayList<>();
        for (String t : tools) list.add(json(t));
        return check(ServerSnapshot.ofTools("test", initialize("2025-11-25"), list));
    }

    @Test
    void aMistypedFieldRejectsTheWholeListAndIsPinpointed() throws Exception {
        List<Finding> findings = tools("{\"name\":\"ok\",\"inputSchema\":{\"type\":\"object\"}}",
                "{\"name\":\"bad\",\"inputSchema\":{\"type\":\"object\"},\"annotations\":{\"readOnlyHint\":\"yes\"}}");
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(f.location()).isEqualTo(Location.tool("bad", "/annotations/readOnlyHint"));
            assertThat(f.message()).contains("reject the tools/list answer because of tool 'bad'").contains("every tool of that page is lost")
                    .contains("Boolean");
            assertThat(f.evidence()).isEqualTo("\"yes\"");
        });
    }

    @Test
    void anInputSchemaThatIsNoObjectIsRejected() throws Exception {
        assertThat(tools("{\"name\":\"a\",\"inputSchema\":true}")).singleElement()
                .satisfies(f -> assertThat(f.location().jsonPointer()).isEqualTo("/inputSchema"));
    }

    @Test
    void aMissingInputSchemaIsFilledInNotRejected() throws Exception {
        assertThat(tools("{\"name\":\"a\"}")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.LOW);
            assertThat(f.location()).isEqualTo(Location.tool("a", "/inputSchema"));
            assertThat(f.message()).contains("fill in the missing required /inputSchema").endsWith("with {}");
        });
    }

    @Test
    void aNumberSentForANameBecomesAString() throws Exception {
        assertThat(tools("{\"name\":42,\"inputSchema\":{\"type\":\"object\"}}")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("change /name").contains("from 42 to \"42\""));
    }

    @Test
    void whatTheSdkLetsThroughOrDropsIsNotReported() throws Exception {
        // an inputSchema of another type and a name with a space pass (other rules judge them); spec fields the SDK
        // does not model yet and vendor fields are dropped, which is not the server's doing
        assertThat(tools("{\"name\":\"do it\",\"inputSchema\":{\"type\":\"string\"}}",
                "{\"name\":\"b\",\"inputSchema\":{\"type\":\"object\"},\"execution\":{\"taskSupport\":\"optional\"},\"x-vendor\":1}")).isEmpty();
    }

    @Test
    void resourcesTemplatesAndPromptsAreCheckedToo() throws Exception {
        ServerSnapshot snapshot = new ServerSnapshot("test", initialize("2025-11-25"), List.of(),
                List.of(json("{\"name\":\"no-uri\"}"), json("{\"uri\":\"file:///ok\",\"name\":\"ok\"}")),
                List.of(json("{\"name\":\"no-template\"}")),
                List.of(json("{\"description\":\"no name\"}")));
        List<Finding> findings = check(snapshot);
        assertThat(findings).extracting(f -> f.location().kind())
                .containsExactly(Location.Kind.RESOURCE, Location.Kind.RESOURCE_TEMPLATE, Location.Kind.PROMPT);
        assertThat(findings.get(0).message()).contains("uri must not be empty");
        assertThat(findings.get(1).message()).contains("uriTemplate must not be empty");
        assertThat(findings.get(2).severity()).isEqualTo(Severity.LOW);
        assertThat(findings.get(2).location().jsonPointer()).isEqualTo("/name");
    }

    @Test
    void aRevisionTheSdkDoesNotSpeakFailsTheSession() throws Exception {
        List<Finding> findings = check(ServerSnapshot.ofTools("test", initialize("2026-07-28"), List.of()));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(f.location()).isEqualTo(new Location(Location.Kind.SERVER, "", "/protocolVersion"));
            assertThat(f.fix()).contains("2025-11-25");
        });
        assertThat(check(ServerSnapshot.ofTools("test", initialize("2024-11-05"), List.of()))).isEmpty();
        assertThat(SdkReceipt.acceptedProtocolVersions()).containsExactly("2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25");
    }

    @Test
    void aMistypedInitializeResultIsRejected() throws Exception {
        ObjectNode init = initialize("2025-11-25");
        init.put("instructions", 1).putObject("instructions").put("a", 1);
        assertThat(check(ServerSnapshot.ofTools("test", init, List.of()))).singleElement()
                .satisfies(f -> assertThat(f.location().jsonPointer()).isEqualTo("/instructions"));
    }

    @Test
    void aResultWithAnUnknownContentTypeIsRejected() throws Exception {
        List<Finding> findings = SdkClientCompatibility.checkToolResult("render",
                json("{\"content\":[{\"type\":\"text\",\"text\":\"hi\"},{\"type\":\"video\",\"url\":\"https://x\"}]}"));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.location().kind()).isEqualTo(Location.Kind.TOOL_RESULT);
            assertThat(f.location().name()).isEqualTo("render");
            assertThat(f.location().jsonPointer()).isEqualTo("/content/1");
            assertThat(f.message()).contains("known type ids");
        });
        assertThat(SdkClientCompatibility.checkToolResult("render",
                json("{\"content\":[{\"type\":\"resource_link\",\"uri\":\"file:///a\",\"name\":\"a\"}],\"structuredContent\":{\"a\":1}}"))).isEmpty();
    }

    @Test
    void aSchemaNestedBeyondTheSdksReadingLimitIsRejected() throws Exception {
        ObjectNode tool = (ObjectNode) json("{\"name\":\"deep\",\"inputSchema\":{\"type\":\"object\"}}");
        ObjectNode cursor = (ObjectNode) tool.get("inputSchema");
        for (int i = 0; i < 1_200; i++) cursor = cursor.putObject("properties").putObject("p");
        List<Finding> findings = check(ServerSnapshot.ofTools("test", initialize("2025-11-25"), List.of(tool)));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("reads at most 1000");
            assertThat(f.evidence()).contains("levels deep");
        });
    }
}
