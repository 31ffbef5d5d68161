package dev.mcpworkbench.inspector.rules.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
        }
    }

    @Test
    void rememberedCountsAreKeyedOnTheListItselfNotOnEqualContent() throws Exception {
        List<JsonNode> tools = corpus("filesystem.json").tools();
        int[] counts = tools.stream().mapToInt(Tokens::countJson).toArray();
        Tokens.rememberCounts(tools, counts);
        assertThat(Tokens.knownCounts(tools)).containsExactly(counts);
        assertThat(Tokens.knownCounts(new ArrayList<>(tools))).as("an equal list").isNull();
        Tokens.knownCounts(tools)[0] = -1;
        assertThat(Tokens.knownCounts(tools)[0]).as("each caller gets its own copy").isEqualTo(counts[0]);
    }

    @Test
    void aRescanOfTheSameSnapshotReusesTheCountsOfTheFirst() throws Exception {
        ServerSnapshot snapshot = corpus("memory.json");
        Tokens.clearCache();
        assertThat(Tokens.knownCounts(snapshot.tools())).isNull();
        ScanSubject first = new ScanSubject(snapshot, dev.mcpworkbench.inspector.rules.ScanContext.defaults());
        first.prepare();
        assertThat(Tokens.knownCounts(snapshot.tools())).as("remembered by the first scan").isNotNull();
        ScanSubject second = new ScanSubject(snapshot, dev.mcpworkbench.inspector.rules.ScanContext.defaults());
        second.prepare();
        assertThat(second.toolListTokens()).isEqualTo(first.toolListTokens()).isEqualTo(ScanSubject.toolListTokens(snapshot));
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
