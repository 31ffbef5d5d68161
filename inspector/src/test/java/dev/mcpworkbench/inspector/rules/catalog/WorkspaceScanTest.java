package dev.mcpworkbench.inspector.rules.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.inspector.rules.ScanContext;
import dev.mcpworkbench.inspector.rules.ScanResult;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkspaceScanTest {

    @Test
    void eachServerIsJudgedKnowingTheOthers() throws Exception {
        ServerSnapshot fs;
        try (InputStream in = getClass().getResourceAsStream("/corpus/filesystem.json")) {
            fs = SnapshotJson.read(in, "filesystem.json");
        }
        ObjectNode shadow = (ObjectNode) fs.tools().get(1).deepCopy();
        shadow.put("name", "read_text_files");
        ServerSnapshot mine = ServerSnapshot.ofTools("mine", fs.initialize(), List.of(shadow));

        List<ScanResult> alone = WorkspaceScan.scan(List.of(mine), List.of(ScanContext.defaults()));
        assertThat(alone.get(0).findingsOf("DOCS-002")).noneMatch(f -> f.message().contains("read_text_file"));

        List<ScanResult> together = WorkspaceScan.scan(List.of(fs, mine), List.of(ScanContext.defaults(), ScanContext.defaults()));
        assertThat(together).hasSize(2);
        assertThat(together.get(1).findingsOf("DOCS-002")).anySatisfy(f -> assertThat(f.message()).contains("read_text_file"));
    }

    @Test
    void eachFindingNamesItsServerAndTwoCopiesOfOneServerAreToldApart() throws Exception {
        ServerSnapshot fs;
        try (InputStream in = getClass().getResourceAsStream("/corpus/filesystem.json")) {
            fs = SnapshotJson.read(in, "filesystem.json");
        }
        String name = fs.serverName();
        List<ScanResult> copies = WorkspaceScan.scan(List.of(fs, fs), List.of(ScanContext.defaults(), ScanContext.defaults()));
        assertThat(copies.get(0).findings()).isNotEmpty()
                .allSatisfy(f -> assertThat(f.location().name()).matches(java.util.regex.Pattern.quote(name) + "(/.+)?"));
        assertThat(copies.get(1).findings()).isNotEmpty()
                .allSatisfy(f -> assertThat(f.location().name()).startsWith(name + " (2)"));
        // the copy's tools shadow the first's, and the finding says on which server it was found
        assertThat(copies.get(1).findingsOf("DOCS-002")).anySatisfy(f -> assertThat(f.location().name()).isEqualTo(name + " (2)/read_text_file"));
    }

    private static ServerSnapshot corpus(String file) throws Exception {
        try (InputStream in = WorkspaceScanTest.class.getResourceAsStream("/corpus/" + file)) {
            return SnapshotJson.read(in, file);
        }
    }

    private static boolean isBudget(dev.mcpworkbench.inspector.rules.Finding f) {
        return f.ruleId().equals("SURFACE-002") && f.message().startsWith("The connected servers together cost");
    }

    @Test
    void theWorkspaceBudgetIsKeptOnceOnTheWorkspaceWhileOneServerJudgedWithOthersStillGetsIt() throws Exception {
        List<ServerSnapshot> servers = List.of(corpus("memory.json"), corpus("everything.json"), corpus("filesystem.json"));
        ScanContext lowBudget = ScanContext.defaults().withSettings(
                RuleSettingsInput.assign(dev.mcpworkbench.inspector.rules.RuleSettings.defaults(), "SURFACE-002.workspace=1000"));

        List<ScanResult> workspace = WorkspaceScan.scan(servers, java.util.Collections.nCopies(3, lowBudget));
        List<dev.mcpworkbench.inspector.rules.Finding> budget = workspace.stream()
                .flatMap(r -> r.findings().stream()).filter(WorkspaceScanTest::isBudget).toList();
        assertThat(budget).hasSize(1);
        assertThat(budget.get(0).location().name()).isEqualTo(WorkspaceScan.WORKSPACE);
        assertThat(budget.get(0).scope()).isEqualTo(dev.mcpworkbench.inspector.rules.Finding.Scope.WORKSPACE);

        // one server judged with the others as its context (the engine API a one-server view uses) keeps its own copy
        ScanResult one = StaticRules.scan(servers.get(0), lowBudget.withOtherServers(servers.subList(1, 3)));
        assertThat(one.findings()).filteredOn(WorkspaceScanTest::isBudget).hasSize(1)
                .allSatisfy(f -> assertThat(f.location().name()).isEmpty());
        // and without other servers there is no budget to speak of
        assertThat(StaticRules.scan(servers.get(0), lowBudget).findings()).noneMatch(WorkspaceScanTest::isBudget);
    }

    @Test
    void findingsThatNeedTheOtherServersSaySoAndTheRestAreWhatEachServerHasAlone() throws Exception {
        ServerSnapshot fs = corpus("filesystem.json");
        List<ScanResult> copies = WorkspaceScan.scan(List.of(fs, fs), List.of(ScanContext.defaults(), ScanContext.defaults()));
        ScanResult alone = StaticRules.scan(fs, ScanContext.defaults());
        for (ScanResult copy : copies) {
            assertThat(copy.findings().stream().filter(f -> !f.acrossServers()).map(f -> f.ruleId() + " " + f.message()).toList())
                    .containsExactlyElementsOf(alone.findings().stream().map(f -> f.ruleId() + " " + f.message()).toList());
            // two copies shadow each other tool for tool
            assertThat(copy.findings()).filteredOn(dev.mcpworkbench.inspector.rules.Finding::acrossServers)
                    .filteredOn(f -> f.ruleId().equals("DOCS-002")).hasSizeGreaterThanOrEqualTo(fs.tools().size());
        }
    }

    @Test
    void aFlowSpreadOverServersIsOneWorkspaceFindingNamingEveryLeg() throws Exception {
        ServerSnapshot fixture;
        try (InputStream in = getClass().getResourceAsStream("/rules/SURFACE-006/positive.json")) {
            byte[] snapshot = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in).get("snapshot").toString()
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            fixture = SnapshotJson.read(new java.io.ByteArrayInputStream(snapshot), "positive.json");
        }
        // its three legs (fetch_url, read_file, send_email) on three servers, plus a server with none
        List<ServerSnapshot> servers = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            servers.add(ServerSnapshot.ofTools("leg" + i, named(fixture, "leg" + i), List.of(fixture.tools().get(i))));
        }
        servers.add(ServerSnapshot.ofTools("none", named(fixture, "none"), List.of()));
        List<ScanResult> results = WorkspaceScan.scan(servers, java.util.Collections.nCopies(4, ScanContext.defaults()));

        List<dev.mcpworkbench.inspector.rules.Finding> flows = results.stream().flatMap(r -> r.findingsOf("SURFACE-006").stream()).toList();
        assertThat(flows).hasSize(1);
        assertThat(flows.get(0).location().name()).isEqualTo(WorkspaceScan.WORKSPACE);
        assertThat(flows.get(0).evidence()).contains("leg0/fetch_url", "leg1/read_file", "leg2/send_email");

        // judged alone with the others as context, each server with a leg still gets it (a one-server view)
        for (int i = 0; i < 3; i++) {
            List<ServerSnapshot> others = new java.util.ArrayList<>(servers);
            others.remove(i);
            assertThat(StaticRules.scan(servers.get(i), ScanContext.defaults().withOtherServers(others)).findingsOf("SURFACE-006"))
                    .hasSize(1);
        }
    }

    /** The fixture's initialize result with another serverInfo name. */
    private static ObjectNode named(ServerSnapshot fixture, String name) {
        ObjectNode initialize = fixture.initialize().deepCopy();
        ((ObjectNode) initialize.get("serverInfo")).put("name", name);
        return initialize;
    }
}
