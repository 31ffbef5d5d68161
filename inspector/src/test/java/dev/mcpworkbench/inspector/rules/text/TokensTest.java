package dev.mcpworkbench.inspector.rules.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.inspector.rules.ScanSubject;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void aJsonValueCountsAsItsCompactText() throws Exception {
        ServerSnapshot snapshot = corpus("filesystem.json");
        for (JsonNode tool : snapshot.tools()) {
            int expected = Tokens.countUncached(JsonText.compact(tool));
            assertThat(Tokens.countJson(tool)).isEqualTo(expected);
            assertThat(Tokens.countJson(tool)).as("second, memoized answer").isEqualTo(expected);
        }
    }

    @Test
    void theMemoIsKeyedOnTheNodeItselfNotOnEqualContent() {
        ObjectNode tool = SnapshotJson.MAPPER.createObjectNode().put("name", "read_file").put("description", "Reads a file.");
        int before = Tokens.countJson(tool);
        assertThat(Tokens.countJson(tool.deepCopy())).as("an equal copy").isEqualTo(before);
        ObjectNode longer = tool.deepCopy().put("description", "Reads a file and returns its whole content, line by line, as UTF-8 text.");
        assertThat(Tokens.countJson(longer)).as("a different object is counted afresh").isGreaterThan(before);
        assertThat(Tokens.countJson(tool)).isEqualTo(before);
    }

    @Test
    void theToolListCountIsTheSameSequentialOrParallel() throws Exception {
        ServerSnapshot one = corpus("everything.json");
        List<JsonNode> many = new ArrayList<>();
        for (int i = 0; i < 200; i++) many.add(one.tools().get(i % one.tools().size()));
        ServerSnapshot big = ServerSnapshot.ofTools("generated", one.initialize(), many);
        int sequential = ScanSubject.toolListTokens(big);
        Tokens.clearCache();
        ScanSubject subject = new ScanSubject(big, dev.mcpworkbench.inspector.rules.ScanContext.defaults());
        subject.prepare();
        assertThat(subject.toolListTokens()).isEqualTo(sequential);
        String whole = "{\"tools\":[" + String.join(",", many.stream().map(JsonText::compact).toList()) + "]}";
        int exact = Tokens.countUncached(whole);
        assertThat(sequential).as("within 2%% of counting the whole list at once (%d)", exact)
                .isBetween((int) (exact * 0.98), (int) (exact * 1.02));
    }

    private static ServerSnapshot corpus(String name) throws Exception {
        try (InputStream in = TokensTest.class.getResourceAsStream("/corpus/" + name)) {
            return SnapshotJson.read(in, name);
        }
    }
}
