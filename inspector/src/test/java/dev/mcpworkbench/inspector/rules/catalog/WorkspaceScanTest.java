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
}
