package dev.mcpworkbench.app.ui.payload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.inspector.payload.ResultMember;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

/**
 * One tool result is parsed once for everyone who asks at the same time or while its parse is
 * held (the Findings tab's check and the Payload tab), and its rules run once whatever happens.
 */
class ResultAnalysisTest {

    /** A result whose text block leaks an AWS key: the dynamic rules find it. */
    private static ObjectNode leakyResult() {
        ObjectNode result = SnapshotJson.MAPPER.createObjectNode();
        StringBuilder rows = new StringBuilder("[");
        for (int i = 0; i < 20_000; i++) rows.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append('}');
        rows.append(",{\"aws_access_key_id\":\"AKIAIOSFODNN7EXAMPLE\"}]");
        result.putArray("content").addObject().put("type", "text").put("text", rows.toString());
        return result;
    }

    @Test
    void callersAtTheSameTimeShareOneParse() throws Exception {
        ResultAnalysis analysis = new ResultAnalysis("dump", null, null, leakyResult());
        CyclicBarrier together = new CyclicBarrier(2);
        CompletableFuture<ResultAnalysis.Checked> check = CompletableFuture.supplyAsync(() -> checkedAfter(together, analysis));
        CompletableFuture<ResultAnalysis.Checked> tab = CompletableFuture.supplyAsync(() -> checkedAfter(together, analysis));
        assertThat(check.get().payload()).isSameAs(tab.get().payload());
        assertThat(check.get().findings()).isNotEmpty().isSameAs(tab.get().findings());
    }

    @Test
    void aParseStillHeldIsReusedAndTheRulesNeverRunTwice() throws Exception {
        ResultAnalysis analysis = new ResultAnalysis("dump", null, null, leakyResult());
        ResultAnalysis.Checked held = analysis.checked();
        assertThat(analysis.checked().payload()).as("held by an open Payload tab").isSameAs(held.payload());
        List<?> findings = analysis.findings();
        assertThat(findings).isSameAs(held.findings());
        held = null;
        System.gc();
        assertThat(analysis.findings()).as("kept after the payload went").isSameAs(findings);
        assertThat(analysis.checked().findings()).as("a new parse reuses the findings").isSameAs(findings);
    }

    @Test
    void theResultReadWhereItLiesInTheMessageGivesTheSameFindings() throws Exception {
        ObjectNode result = leakyResult();
        // sent with spaces the tree does not keep: the parse must read these bytes, not a serialization
        byte[] message = ("{\"jsonrpc\": \"2.0\", \"id\": 3, \"result\": " + result.toPrettyString() + "}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ResultMember.Slice sentAs = ResultMember.of(message).orElseThrow();
        ResultAnalysis.Checked inPlace = new ResultAnalysis("dump", null, null, result, sentAs).checked();
        ResultAnalysis.Checked serialized = new ResultAnalysis("dump", null, null, result).checked();
        assertThat(inPlace.payload().totalBytes()).isEqualTo(sentAs.length()).isNotEqualTo(serialized.payload().totalBytes());
        assertThat(inPlace.findings()).isNotEmpty().isEqualTo(serialized.findings());
    }

    private static ResultAnalysis.Checked checkedAfter(CyclicBarrier together, ResultAnalysis analysis) {
        try {
            together.await();
            return analysis.checked();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
