package dev.mcpworkbench.inspector.rules;

import dev.mcpworkbench.inspector.rules.catalog.StaticRules;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Precision on real servers beyond the tuning corpus (see corpus-wide/README.md): each false
 * positive found by reading the findings is pinned here, and the rule ids per server are pinned
 * so that a new one has to be looked at.
 */
@Timeout(60)
class WiderCorpusTest {

    private static final Map<String, Set<String>> RULES = Map.ofEntries(
            Map.entry("0nmcp.json", Set.of("DOCS-001", "DOCS-003", "DOCS-005", "DOCS-006", "OUTPUT-001",
                    "POISON-006", "SCHEMA-001", "SCHEMA-002", "SCHEMA-003", "SCHEMA-005", "SCHEMA-006", "SCHEMA-008",
                    "SURFACE-001", "SURFACE-002", "SURFACE-003", "SURFACE-004", "SURFACE-005", "SURFACE-006")),
            Map.entry("agent-infra-mcp-server-commands.json", Set.of("DOCS-003", "SCHEMA-001", "SCHEMA-004",
                    "SCHEMA-005", "SURFACE-004")),
            Map.entry("airtable-mcp-server.json", Set.of("DOCS-001", "DOCS-005", "SCHEMA-001", "SCHEMA-002",
                    "SCHEMA-003", "SCHEMA-005", "SURFACE-003")),
            Map.entry("auth0-mcp-server.json", Set.of("DOCS-005", "SCHEMA-001", "SCHEMA-002",
                    "SCHEMA-003", "SCHEMA-004", "SCHEMA-005", "SCHEMA-006", "SCHEMA-008", "SURFACE-001",
                    "SURFACE-002", "SURFACE-003", "SURFACE-004")),
            Map.entry("azure-devops-mcp.json", Set.of("DOCS-003", "DOCS-005", "OUTPUT-001", "SCHEMA-001",
                    "SCHEMA-002", "SCHEMA-003", "SCHEMA-005", "SCHEMA-006", "SCHEMA-008", "SURFACE-001",
                    "SURFACE-002", "SURFACE-003", "SURFACE-004", "SURFACE-006")),
            Map.entry("azure-mcp.json", Set.of("DOCS-005", "DOCS-006", "OUTPUT-001", "SCHEMA-001", "SCHEMA-002",
                    "SCHEMA-003", "SCHEMA-006", "SURFACE-001", "SURFACE-002", "SURFACE-005")),
            Map.entry("bitwarden-mcp-server.json", Set.of("DOCS-001", "DOCS-003", "DOCS-005", "OUTPUT-001",
                    "POISON-006", "SCHEMA-001", "SCHEMA-002", "SCHEMA-003", "SCHEMA-005", "SCHEMA-006", "SCHEMA-008",
                    "SURFACE-001", "SURFACE-002", "SURFACE-003")),
            Map.entry("brave-search-mcp-server.json", Set.of("SCHEMA-001", "SCHEMA-002", "SCHEMA-003", "SCHEMA-006",
                    "SURFACE-002")),
            Map.entry("brightdata-mcp.json", Set.of("DOCS-001", "OUTPUT-001", "SCHEMA-001", "SCHEMA-003",
                    "SCHEMA-005", "SURFACE-004")),
            Map.entry("browser-tools-mcp.json", Set.of("DOCS-005", "SCHEMA-001", "SCHEMA-002", "SCHEMA-003",
                    "SCHEMA-005", "SCHEMA-006", "SURFACE-002", "SURFACE-004")),
            Map.entry("browsermcp.json", Set.of("DOCS-001", "DOCS-003", "SCHEMA-001", "SCHEMA-003", "SCHEMA-005",
                    "SURFACE-004")),
            Map.entry("browserstack-mcp-server.json", Set.of("DOCS-001", "DOCS-005", "DOCS-006",
                    "OUTPUT-001", "SCHEMA-001", "SCHEMA-002", "SCHEMA-003", "SCHEMA-005", "SCHEMA-006", "SCHEMA-008",
                    "SURFACE-001", "SURFACE-002", "SURFACE-003", "SURFACE-004", "SURFACE-006")),
            Map.entry("chrome-devtools-mcp.json", Set.of("DOCS-005", "DOCS-006", "OUTPUT-001", "SCHEMA-001",
                    "SCHEMA-002", "SCHEMA-003", "SCHEMA-005", "SCHEMA-006", "SURFACE-001", "SURFACE-002",
                    "SURFACE-004", "SURFACE-006")),
            Map.entry("clarity-mcp-server.json", Set.of("OUTPUT-001", "SCHEMA-001", "SCHEMA-003", "SCHEMA-005")),
            Map.entry("cloud-run-mcp.json", Set.of("DOCS-003", "DOCS-005", "OUTPUT-001", "SCHEMA-001", "SCHEMA-003",
                    "SCHEMA-005")),
            Map.entry("context7-mcp.json", Set.of("DOCS-001", "DOCS-006", "OUTPUT-001", "SCHEMA-001", "SCHEMA-002")),
            Map.entry("dbhub.json", Set.of("DOCS-005", "OUTPUT-001", "SCHEMA-001", "SCHEMA-002", "SCHEMA-004",
                    "SURFACE-004")),
            Map.entry("desktop-commander.json", Set.of("DOCS-001", "DOCS-005", "OUTPUT-001", "SCHEMA-001",
                    "SCHEMA-002", "SCHEMA-003", "SCHEMA-004", "SCHEMA-005", "SCHEMA-006", "SURFACE-001",
                    "SURFACE-002", "SURFACE-003", "SURFACE-004")),
            Map.entry("dynatrace-mcp-server.json", Set.of("DOCS-001", "DOCS-004", "DOCS-005", "OUTPUT-001",
                    "SCHEMA-001", "SCHEMA-002", "SCHEMA-003", "SCHEMA-006", "SURFACE-006")),
            Map.entry("exa-mcp-server.json", Set.of("DOCS-001", "OUTPUT-001", "SCHEMA-001", "SCHEMA-002",
                    "SCHEMA-003", "SCHEMA-005", "SCHEMA-006")),
            Map.entry("executeautomation-playwright-mcp.json", Set.of("DOCS-001", "DOCS-003", "DOCS-005",
                    "OUTPUT-001", "SCHEMA-001", "SCHEMA-002", "SCHEMA-003", "SCHEMA-004", "SCHEMA-005", "SCHEMA-006",
                    "SCHEMA-008", "SURFACE-001", "SURFACE-004", "SURFACE-006")),
            Map.entry("figma-developer-mcp.json", Set.of("OUTPUT-001", "SCHEMA-001", "SCHEMA-003", "SCHEMA-005",
                    "SURFACE-004")),
            Map.entry("firecrawl-mcp.json", Set.of("DOCS-001", "DOCS-005", "SCHEMA-001", "SCHEMA-002", "SCHEMA-003",
                    "SCHEMA-004", "SCHEMA-005", "SCHEMA-006", "SURFACE-001", "SURFACE-002", "SURFACE-003",
                    "SURFACE-004")),
            Map.entry("gcloud-mcp.json", Set.of("DOCS-001", "DOCS-003", "SCHEMA-001", "SCHEMA-003")),
            Map.entry("git-mcp-server.json", Set.of("DOCS-005", "SCHEMA-001", "SCHEMA-002", "SCHEMA-003",
                    "SCHEMA-005", "SCHEMA-006", "SURFACE-001", "SURFACE-002", "SURFACE-004", "SURFACE-005")),
            Map.entry("heroku-mcp-server.json", Set.of("DOCS-003", "DOCS-005", "OUTPUT-001", "SCHEMA-001",
                    "SCHEMA-002", "SCHEMA-003", "SCHEMA-004", "SCHEMA-005", "SCHEMA-006", "SCHEMA-008",
                    "SURFACE-001", "SURFACE-002", "SURFACE-003", "SURFACE-004")),
            Map.entry("hubspot-mcp-server.json", Set.of("DOCS-006", "SCHEMA-001", "SCHEMA-002", "SCHEMA-003",
                    "SCHEMA-006", "SURFACE-001", "SURFACE-002", "SURFACE-003")),
            Map.entry("lara-mcp.json", Set.of("DOCS-001", "DOCS-005", "SCHEMA-001", "SCHEMA-002", "SCHEMA-003",
                    "SCHEMA-006", "SURFACE-001", "SURFACE-002", "SURFACE-003")),
            Map.entry("launchdarkly-mcp-server.json", Set.of("DOCS-001", "DOCS-003", "DOCS-005", "OUTPUT-001",
                    "SCHEMA-001", "SCHEMA-002", "SCHEMA-003", "SCHEMA-005", "SCHEMA-006", "SURFACE-003")),
            Map.entry("line-bot-mcp-server.json", Set.of("DOCS-001", "DOCS-005", "OUTPUT-001", "SCHEMA-001",
                    "SCHEMA-003", "SCHEMA-005", "SCHEMA-006", "SURFACE-002", "SURFACE-003", "SURFACE-006")),
            Map.entry("mapbox-mcp-server.json", Set.of("DOCS-001", "DOCS-006", "SCHEMA-001", "SCHEMA-002",
                    "SCHEMA-003", "SCHEMA-005", "SCHEMA-006", "SURFACE-001", "SURFACE-002")),
            Map.entry("mastra-mcp-docs-server.json", Set.of("DOCS-003", "OUTPUT-001", "SCHEMA-001", "SCHEMA-003",
                    "SCHEMA-005", "SCHEMA-006")),
            Map.entry("mcp-atlassian-jira.json", Set.of("DOCS-001", "DOCS-003", "DOCS-005", "SCHEMA-001",
                    "SCHEMA-002", "SCHEMA-005")),
            Map.entry("mcp-searxng.json", Set.of("SCHEMA-001", "SCHEMA-002", "SCHEMA-003", "SCHEMA-005",
                    "SCHEMA-006", "SURFACE-004")),
            Map.entry("mcp-server-airbnb.json", Set.of("DOCS-003", "SCHEMA-001", "SCHEMA-002", "SCHEMA-003",
                    "SCHEMA-006")),
            Map.entry("mcp-server-aws-kb-retrieval.json", Set.of("DOCS-003", "OUTPUT-001", "SCHEMA-001",
                    "SCHEMA-002", "SCHEMA-003")),
            Map.entry("mcp-server-brave-search.json", Set.of("DOCS-003", "SCHEMA-001", "SCHEMA-002", "SCHEMA-003")),
            Map.entry("mcp-server-browserbase.json", Set.of("DOCS-003", "DOCS-005", "SCHEMA-001", "SCHEMA-005",
                    "SCHEMA-006", "SURFACE-004")),
            Map.entry("mcp-server-chart.json", Set.of("SCHEMA-001", "SCHEMA-002", "SCHEMA-003", "SCHEMA-005",
                    "SURFACE-001", "SURFACE-002")),
            Map.entry("mcp-server-circleci.json", Set.of("DOCS-001", "DOCS-003", "DOCS-005", "OUTPUT-001",
                    "SCHEMA-001", "SCHEMA-002", "SCHEMA-003", "SCHEMA-005", "SCHEMA-006", "SURFACE-002")),
            Map.entry("mcp-server-cloudflare.json", Set.of("DOCS-001", "DOCS-003", "DOCS-005", "OUTPUT-001",
                    "SCHEMA-001", "SCHEMA-002", "SCHEMA-003", "SCHEMA-004", "SCHEMA-005", "SCHEMA-006", "SCHEMA-008",
                    "SURFACE-001", "SURFACE-002", "SURFACE-003", "SURFACE-004")),
            Map.entry("mcp-server-elasticsearch.json", Set.of("DOCS-003", "OUTPUT-001", "SCHEMA-001", "SCHEMA-002")),
            Map.entry("mcp-server-everart.json", Set.of("DOCS-003", "SCHEMA-001", "SCHEMA-002", "SCHEMA-003")),
            Map.entry("mcp-server-gdrive.json", Set.of("DOCS-003", "OUTPUT-001", "SCHEMA-001", "SCHEMA-002")),
            Map.entry("mcp-server-github.json", Set.of("DOCS-001", "DOCS-003", "DOCS-005", "OUTPUT-001",
                    "SCHEMA-001", "SCHEMA-003", "SCHEMA-005", "SURFACE-001", "SURFACE-003", "SURFACE-006")),
            Map.entry("mcp-server-gitlab.json", Set.of("DOCS-003", "DOCS-005", "OUTPUT-001", "SCHEMA-001",
                    "SCHEMA-003", "SCHEMA-005", "SURFACE-003")),
            Map.entry("mcp-server-google-maps.json", Set.of("DOCS-003", "SCHEMA-001", "SCHEMA-002", "SCHEMA-003")),
            Map.entry("mcp-server-kubernetes.json", Set.of("DOCS-001", "DOCS-003", "DOCS-005", "SCHEMA-001",
                    "SCHEMA-002", "SCHEMA-003", "SCHEMA-004", "SCHEMA-005", "SCHEMA-006", "SURFACE-001",
                    "SURFACE-002", "SURFACE-004", "SURFACE-005")),
            Map.entry("mcp-server-postgres.json", Set.of("DOCS-001", "DOCS-003", "OUTPUT-001", "SCHEMA-001",
                    "SCHEMA-002", "SCHEMA-004", "SCHEMA-006", "SURFACE-004")),
            Map.entry("mcp-server-postgrest.json", Set.of("DOCS-001", "DOCS-003", "DOCS-005", "SCHEMA-001",
                    "SCHEMA-002", "SCHEMA-003", "SCHEMA-004", "SCHEMA-005", "SURFACE-004", "SURFACE-005")),
            Map.entry("mcp-server-puppeteer.json", Set.of("DOCS-001", "DOCS-003", "SCHEMA-001", "SCHEMA-002",
                    "SCHEMA-004", "SCHEMA-005", "SURFACE-004")),
            Map.entry("mcp-server-redis.json", Set.of("DOCS-003", "DOCS-005", "OUTPUT-001", "SCHEMA-001",
                    "SCHEMA-002", "SCHEMA-003")),
            Map.entry("mcp-server-slack.json", Set.of("DOCS-003", "DOCS-005", "SCHEMA-001", "SCHEMA-002",
                    "SCHEMA-003", "SCHEMA-006", "SURFACE-006")),
            Map.entry("mcp-server-supabase.json", Set.of("DOCS-001", "DOCS-005", "OUTPUT-001", "SCHEMA-001",
                    "SCHEMA-003", "SCHEMA-004", "SCHEMA-005", "SURFACE-001", "SURFACE-002", "SURFACE-003",
                    "SURFACE-004")),
            Map.entry("mcp-server-youtube-transcript.json", Set.of("DOCS-003", "OUTPUT-001", "SCHEMA-001",
                    "SCHEMA-002", "SCHEMA-005", "SURFACE-004")),
            Map.entry("monday-api-mcp.json", Set.of("DOCS-001", "DOCS-004", "DOCS-005", "OUTPUT-001", "SCHEMA-001",
                    "SCHEMA-002", "SCHEMA-003", "SCHEMA-004", "SCHEMA-005", "SCHEMA-006", "SCHEMA-008",
                    "SURFACE-001", "SURFACE-002", "SURFACE-003", "SURFACE-004", "SURFACE-005")),
            Map.entry("mongodb-mcp-server.json", Set.of("DOCS-005", "OUTPUT-001", "SCHEMA-001", "SCHEMA-002",
                    "SCHEMA-003", "SURFACE-001", "SURFACE-002", "SURFACE-003")),
            Map.entry("netlify-mcp.json", Set.of("DOCS-001", "DOCS-004", "DOCS-005", "SCHEMA-001", "SCHEMA-003",
                    "SCHEMA-005", "SCHEMA-008")),
            Map.entry("notion-mcp-server.json", Set.of("DOCS-001", "DOCS-005", "SCHEMA-001", "SCHEMA-002",
                    "SCHEMA-003", "SCHEMA-005", "SCHEMA-006", "SURFACE-001", "SURFACE-002", "SURFACE-003",
                    "SURFACE-006")),
            Map.entry("perplexity-mcp.json", Set.of("SCHEMA-001", "SCHEMA-003")),
            Map.entry("pinecone-mcp.json", Set.of("DOCS-001", "OUTPUT-001", "SCHEMA-001", "SCHEMA-002", "SCHEMA-003",
                    "SCHEMA-006", "SURFACE-002", "SURFACE-003")),
            Map.entry("playwright-mcp.json", Set.of("DOCS-001", "DOCS-005", "SCHEMA-001", "SCHEMA-002", "SCHEMA-003",
                    "SCHEMA-004", "SCHEMA-005", "SCHEMA-006", "SURFACE-001", "SURFACE-004", "SURFACE-006")),
            Map.entry("sentry-mcp-server.json", Set.of("DOCS-001", "DOCS-005", "OUTPUT-001", "SCHEMA-001",
                    "SCHEMA-003", "SCHEMA-005", "SCHEMA-006", "SURFACE-001", "SURFACE-002", "SURFACE-003",
                    "SURFACE-004")),
            Map.entry("shopify-dev-mcp.json", Set.of("DOCS-001", "DOCS-003", "DOCS-006", "OUTPUT-001", "SCHEMA-001",
                    "SCHEMA-002", "SCHEMA-003", "SCHEMA-005", "SURFACE-002")),
            Map.entry("tavily-mcp.json", Set.of("DOCS-003", "SCHEMA-001", "SCHEMA-002", "SCHEMA-003", "SCHEMA-005",
                    "SCHEMA-006", "SURFACE-004")),
            Map.entry("twilio-mcp.json", Set.of("DOCS-001", "DOCS-003", "SCHEMA-001", "SCHEMA-002", "SCHEMA-003",
                    "SCHEMA-005", "SCHEMA-006", "SCHEMA-008", "SURFACE-001", "SURFACE-002", "SURFACE-006")));

    /** The poisoning findings above Info the review kept: free-text 'notes' fields nothing explains (POISON-006, Medium). */
    private static final Map<String, List<String>> UNEXPLAINED_NOTES = Map.of(
            "0nmcp.json", List.of("crm_create_appointment", "crm_create_event", "crm_update_appointment", "crm_update_event"),
            "bitwarden-mcp-server.json", List.of("create_item"));

    static ScanResult scan(String file) throws IOException {
        try (InputStream in = WiderCorpusTest.class.getResourceAsStream("/corpus-wide/" + file)) {
            ServerSnapshot snapshot = SnapshotJson.read(in, file);
            ScanResult result = StaticRules.scan(snapshot, ScanContext.defaults());
            // a list the server failed to give (recorded in the snapshot) is the only error allowed
            assertThat(result.errors()).containsExactlyElementsOf(snapshot.listErrors());
            return result;
        }
    }

    private static String evidenceOf(ScanResult r, String ruleId) {
        return r.findingsOf(ruleId).stream().map(Finding::evidence).collect(Collectors.joining("\n"));
    }

    static Stream<String> servers() {
        return RULES.keySet().stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("servers")
    void pinnedRuleIdsAndNoPoisoning(String file) throws IOException {
        ScanResult r = scan(file);
        Set<String> fired = r.findings().stream().map(Finding::ruleId).collect(Collectors.toCollection(TreeSet::new));
        assertThat(fired).isEqualTo(new TreeSet<>(RULES.get(file)));
        if (!UNEXPLAINED_NOTES.containsKey(file)) CorpusTest.assertNoPoisonAboveInfo(r);
    }

    @Test
    void theOnlyPoisoningAboveInfoIsAnUnexplainedNotesField() throws IOException {
        for (Map.Entry<String, List<String>> e : UNEXPLAINED_NOTES.entrySet()) {
            List<Finding> poison = scan(e.getKey()).findings().stream().filter(f -> f.ruleId().startsWith("POISON-"))
                    .filter(f -> f.severity().compareTo(Severity.INFO) != 0).toList();
            assertThat(poison).extracting(f -> f.location().name()).containsExactlyInAnyOrderElementsOf(e.getValue());
            assertThat(poison).allSatisfy(f -> {
                assertThat(f.ruleId()).isEqualTo("POISON-006");
                assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
                assertThat(f.location().jsonPointer()).endsWith("/notes");
            });
        }
    }

    @Test
    void aRouterWhoseSubCommandsALearnFlagListsTakesNoProgramText() throws IOException {
        // azure-mcp: 55 namespace routers, "set learn=true to discover available sub commands"
        ScanResult r = scan("azure-mcp.json");
        assertThat(r.findingsOf("SCHEMA-004")).isEmpty();
        assertThat(r.findingsOf("SURFACE-004")).isEmpty();
    }

    @Test
    void credentialIdsSelectorsAndContainersAreNotCredentials() throws IOException {
        assertThat(scan("twilio-mcp.json").findingsOf("SCHEMA-008")).extracting(Finding::evidence)
                .containsOnly("SipAuthPassword", "Password");
        assertThat(scan("browserstack-mcp-server.json").findingsOf("SCHEMA-008")).extracting(f -> f.location().jsonPointer())
                .containsExactlyInAnyOrder("/inputSchema/properties/password", "/inputSchema/properties/credentials/properties/password");
        assertThat(scan("bitwarden-mcp-server.json").findingsOf("SCHEMA-008")).extracting(Finding::evidence).doesNotContain("passwordManager");
    }

    @Test
    void secretsAToolReturnsAndADocumentsHistoryAreNotAskedFor() throws IOException {
        assertThat(scan("azure-devops-mcp.json").findingsOf("POISON-006")).isEmpty();
        assertThat(scan("monday-api-mcp.json").findingsOf("POISON-006")).isEmpty();
        // "retrieves … including the System Prompt", "extract its system prompt": what the tool returns or imports
        assertThat(scan("0nmcp.json").findingsOf("POISON-004")).isEmpty();
    }

    @Test
    void theWholeCorpusAsOneWorkspaceNamesFewOtherServersTools() throws IOException {
        // once 371 High: plain words (generate, documentation) and routers' own operations (wiki's list_pages)
        List<ServerSnapshot> servers = new java.util.ArrayList<>();
        for (String file : servers().toList()) {
            try (InputStream in = WiderCorpusTest.class.getResourceAsStream("/corpus-wide/" + file)) {
                servers.add(SnapshotJson.read(in, file));
            }
        }
        List<Finding> references = dev.mcpworkbench.inspector.rules.catalog.WorkspaceScan.scan(servers,
                        java.util.Collections.nCopies(servers.size(), ScanContext.defaults())).stream()
                .flatMap(r -> r.findingsOf("POISON-005").stream()).toList();
        // the three left are read in docs/corpus-review.md: an example of its own catalog, a quoted search phrase, a heading
        assertThat(references).extracting(f -> f.location().name()).containsExactlyInAnyOrder(
                "0nMCP/plugin_execute", "@microsoft/clarity-mcp-server", "desktop-commander/start_search");
    }

    @Test
    void browserToolsThatOnlySayNotReadOnlyAreNotCalledDestructive() throws IOException {
        // chrome-devtools declares readOnlyHint false and no destructiveHint: only names that change things count
        ScanResult r = scan("chrome-devtools-mcp.json");
        assertThat(r.findingsOf("DOCS-005")).extracting(f -> f.location().name()).containsExactly("upload_file");
    }

    @Test
    void preferringOwnToolsIsGuidanceButOutrankingTheModelIsSteering() throws IOException {
        assertThat(scan("chrome-devtools-mcp.json").findingsOf("DOCS-006"))
                .singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
        assertThat(scan("context7-mcp.json").findingsOf("DOCS-006"))
                .singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.MEDIUM));
    }

    @Test
    void uploadingAFileIsNotAFilesystemWriteAndRepoFilesAreNotLocal() throws IOException {
        assertThat(evidenceOf(scan("chrome-devtools-mcp.json"), "SURFACE-004")).doesNotContain("upload_file");
        assertThat(scan("mcp-server-github.json").findingsOf("SURFACE-004")).isEmpty();
    }

    @Test
    void trifectaLabelsReadingToolsOnly() throws IOException {
        String github = evidenceOf(scan("mcp-server-github.json"), "SURFACE-006");
        assertThat(github).contains("untrusted: list_issues", "private: get_file_contents", "sink: push_files");
        assertThat(github.lines().filter(l -> !l.startsWith("sink:")))
                .noneMatch(l -> l.contains("create_repository") || l.contains("create_issue") || l.contains("fork_repository"));
        String slack = evidenceOf(scan("mcp-server-slack.json"), "SURFACE-006");
        assertThat(slack).contains("slack_get_channel_history").doesNotContain("untrusted: slack_post_message");
        assertThat(evidenceOf(scan("playwright-mcp.json"), "SURFACE-006")).doesNotContain("press_key");
    }

    @Test
    void rawInterpretersAreFoundWhereTheyAre() throws IOException {
        assertThat(scan("mcp-server-kubernetes.json").findingsOf("SCHEMA-004")).extracting(f -> f.location().name())
                .containsExactly("kubectl_generic");
        assertThat(scan("mcp-server-puppeteer.json").findingsOf("SCHEMA-004")).extracting(f -> f.location().name())
                .containsExactly("puppeteer_evaluate");
        assertThat(scan("playwright-mcp.json").findingsOf("SCHEMA-004")).extracting(f -> f.location().name())
                .containsExactly("browser_run_code_unsafe");
    }

    @Test
    void pathsAToolWritesToAreFilesystemWritesAndStoredUrlsAreNoFetch() throws IOException {
        // figma saves downloads under localPath, lighthouse writes reports to outputDirPath, write_pdf to outputPath
        assertThat(evidenceOf(scan("figma-developer-mcp.json"), "SURFACE-004")).contains("download_figma_images");
        assertThat(evidenceOf(scan("chrome-devtools-mcp.json"), "SURFACE-004")).contains("lighthouse_audit");
        // a monitor's webhookUrl is called later by the service, not fetched by the tool
        assertThat(evidenceOf(scan("firecrawl-mcp.json"), "SURFACE-004")).doesNotContain("firecrawl_monitor_create");
    }

    @Test
    void foldersAndFilesOfARemoteServiceAreNotLocalFiles() throws IOException {
        // "a new folder in your vault", "in a monday.com workspace", "in the media storage": made from ids and names, no path on disk
        assertThat(scan("bitwarden-mcp-server.json").findingsOf("SURFACE-004")).isEmpty();
        assertThat(evidenceOf(scan("monday-api-mcp.json"), "SURFACE-004")).doesNotContain("create_folder");
        assertThat(evidenceOf(scan("browserstack-mcp-server.json"), "SURFACE-004")).doesNotContain("createProjectOrFolder", "createTestCasesFromFile");
        // 0nMCP's CRM folders are the service's; deed_import writes .env and configs under targetDir on this machine
        assertThat(scan("0nmcp.json").findingsOf("SURFACE-004")).filteredOn(f -> f.message().startsWith("High-risk capability: filesystem write"))
                .singleElement().satisfies(f -> assertThat(f.evidence()).isEqualTo("deed_import"));
    }

    @Test
    void urlsAToolStoresOrHandsOnAreNoOpenWorld() throws IOException {
        // a logo, a redirect after logout, a link on a timeline item, an avatar, a page a later scan opens: closed-world is right
        assertThat(scan("auth0-mcp-server.json").findingsOf("DOCS-004")).isEmpty();
        assertThat(scan("browserstack-mcp-server.json").findingsOf("DOCS-004")).isEmpty();
        assertThat(scan("monday-api-mcp.json").findingsOf("DOCS-004")).extracting(f -> f.location().jsonPointer())
                .containsOnly("/annotations/destructiveHint");
        // Twilio's voice and SMS URLs are called by Twilio when a call or message comes in
        assertThat(scan("twilio-mcp.json").findingsOf("SURFACE-004")).isEmpty();
        // fetchers stay: 0nMCP's merchant base URL, Azure DevOps' wiki page URL
        assertThat(evidenceOf(scan("0nmcp.json"), "SURFACE-004")).contains("ucp_discover").doesNotContain("crm_create_blog_post", "api_call");
        assertThat(evidenceOf(scan("azure-devops-mcp.json"), "SURFACE-004")).contains("wiki").doesNotContain("wit_work_item_link_write");
    }

    @Test
    void mentioningShellCommandsIsNotRunningThem() throws IOException {
        // get_config lists "blocked shell commands"; read_file works "without starting a shell command"
        ScanResult r = scan("desktop-commander.json");
        assertThat(r.findingsOf("SURFACE-004")).filteredOn(f -> f.message().startsWith("High-risk capability: shell"))
                .singleElement().satisfies(f -> assertThat(f.evidence()).isEqualTo("start_process"));
    }

    @Test
    void pathFiltersAndDocumentFieldsAreNotPlacesToOpen() throws IOException {
        assertThat(scan("firecrawl-mcp.json").findingsOf("SCHEMA-005")).extracting(f -> f.location().jsonPointer())
                .noneMatch(p -> p.contains("excludePaths") || p.contains("includePaths"));
        assertThat(scan("tavily-mcp.json").findingsOf("SCHEMA-005")).extracting(f -> f.location().jsonPointer())
                .noneMatch(p -> p.contains("select_paths") || p.contains("exclude_paths"));
        assertThat(scan("exa-mcp-server.json").findingsOf("SCHEMA-005")).extracting(f -> f.location().jsonPointer())
                .noneMatch(p -> p.contains("subpageTarget"));
        assertThat(scan("mongodb-mcp-server.json").findingsOf("SCHEMA-005")).isEmpty();
        // files the server opens on this machine still count
        assertThat(scan("airtable-mcp-server.json").findingsOf("SCHEMA-005")).extracting(f -> f.location().name())
                .contains("upload_attachment");
        assertThat(scan("figma-developer-mcp.json").findingsOf("SCHEMA-005")).extracting(f -> f.location().jsonPointer())
                .contains("/inputSchema/properties/localPath");
    }

    @Test
    void aParameterTheToolDescriptionDefinesIsExplained() throws IOException {
        // "- **note** — short human-readable context. Do not include huge page contents…"
        assertThat(scan("firecrawl-mcp.json").findingsOf("POISON-006")).isEmpty();
    }

    @Test
    void optionalFiltersWithStatedDefaultsAreNotLax() throws IOException {
        // heroku's list tools take only "Filter by …" names and flags; postgres's query forgot to require its sql
        assertThat(scan("heroku-mcp-server.json").findingsOf("SCHEMA-006"))
                .filteredOn(f -> f.evidence().contains("none required")).extracting(f -> f.location().name())
                .containsExactly("create_app");
        assertThat(scan("mcp-server-postgres.json").findingsOf("SCHEMA-006"))
                .anySatisfy(f -> assertThat(f.evidence()).contains("none required"));
    }

    @Test
    void aToolDestructiveOnlyByDefaultIsToldToSaySoIfItOnlyAdds() throws IOException {
        ScanResult r = scan("mcp-server-gitlab.json");
        assertThat(r.findingsOf("DOCS-005")).filteredOn(f -> f.location().name().equals("create_issue")).singleElement()
                .satisfies(f -> assertThat(f.fix()).contains("destructiveHint: false"));
        // declared destructive: the fix is about the description
        assertThat(scan("mongodb-mcp-server.json").findingsOf("DOCS-005")).filteredOn(f -> f.location().name().equals("drop-database"))
                .singleElement().satisfies(f -> assertThat(f.fix()).doesNotContain("destructiveHint"));
    }
}
