package dev.mcpworkbench.inspector.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class TrafficLogTest {

    @Test
    void pairsResponsesWithRequestsByIdAndDirection() {
        TrafficLog log = new TrafficLog();
        TrafficEntry request = log.recordMessage(Direction.CLIENT_TO_SERVER,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}", null, null);
        // The server's own request with the same id must not be confused with ours.
        TrafficEntry serverRequest = log.recordMessage(Direction.SERVER_TO_CLIENT,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"roots/list\"}", null, null);
        TrafficEntry ourAnswer = log.recordMessage(Direction.CLIENT_TO_SERVER,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"roots\":[]}}", null, null);
        TrafficEntry response = log.recordMessage(Direction.SERVER_TO_CLIENT,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"tools\":[]}}", null, null);

        assertThat(request.kind()).isEqualTo(EntryKind.REQUEST);
        assertThat(request.method()).isEqualTo("tools/list");
        assertThat(ourAnswer.requestSeq()).isEqualTo(serverRequest.seq());
        assertThat(response.requestSeq()).isEqualTo(request.seq());
        assertThat(response.latency()).isNotNull();
        assertThat(log.responseTo(request.seq())).contains(response);
        assertThat(log.unansweredRequests()).isEmpty();
    }

    @Test
    void stringAndNumberIdsStayDistinct() {
        TrafficLog log = new TrafficLog();
        log.recordMessage(Direction.CLIENT_TO_SERVER, "{\"jsonrpc\":\"2.0\",\"id\":\"1\",\"method\":\"ping\"}", null, null);
        TrafficEntry answer = log.recordMessage(Direction.SERVER_TO_CLIENT, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}", null, null);
        assertThat(answer.requestSeq()).isZero();
        assertThat(log.unansweredRequests()).hasSize(1);
    }

    @Test
    void keepsGarbageExactlyAsInvalid() {
        TrafficLog log = new TrafficLog();
        TrafficEntry e = log.recordMessage(Direction.SERVER_TO_CLIENT, "Server started ✓", null, null);
        assertThat(e.kind()).isEqualTo(EntryKind.INVALID);
        assertThat(e.text()).isEqualTo("Server started ✓");
        assertThat(e.sizeBytes()).isEqualTo("Server started ✓".getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        TrafficEntry error = log.recordMessage(Direction.SERVER_TO_CLIENT,
                "{\"jsonrpc\":\"2.0\",\"id\":9,\"error\":{\"code\":-32601,\"message\":\"nope\"}}", null, null);
        assertThat(error.kind()).isEqualTo(EntryKind.ERROR);
    }

    @Test
    void staysWithinItsBoundsDroppingTheOldest() {
        TrafficLog log = new TrafficLog(3, 1_000_000);
        for (int i = 0; i < 5; i++) log.recordStderr("line " + i);
        assertThat(log.entries()).extracting(TrafficEntry::text).containsExactly("line 2", "line 3", "line 4");
        assertThat(log.droppedCount()).isEqualTo(2);

        TrafficLog small = new TrafficLog(100, 10);
        small.recordStderr("0123456789");
        small.recordStderr("abcdefghij");
        assertThat(small.entries()).extracting(TrafficEntry::text).containsExactly("abcdefghij");
    }

    @Test
    void listenersSeeEveryEntryAndCanBeRemoved() throws Exception {
        TrafficLog log = new TrafficLog();
        List<TrafficEntry> seen = new CopyOnWriteArrayList<>();
        AutoCloseable handle = log.addListener(seen::add);
        log.addListener(e -> {
            throw new IllegalStateException("a broken view");
        });
        log.recordLifecycle("started");
        log.recordStderr("warning");
        handle.close();
        log.recordStderr("after");
        assertThat(seen).extracting(TrafficEntry::kind).containsExactly(EntryKind.LIFECYCLE, EntryKind.STDERR);
        assertThat(log.size()).isEqualTo(3);
    }

    @Test
    void isSafeUnderConcurrentWriters() throws Exception {
        TrafficLog log = new TrafficLog();
        Thread[] writers = new Thread[4];
        for (int t = 0; t < writers.length; t++) {
            int base = t * 1000;
            writers[t] = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 500; i++) {
                    int id = base + i;
                    log.recordMessage(Direction.CLIENT_TO_SERVER, "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"ping\"}", null, null);
                    log.recordMessage(Direction.SERVER_TO_CLIENT, "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":{}}", null, null);
                }
            });
        }
        for (Thread w : writers) w.join();
        assertThat(log.size()).isEqualTo(4000);
        assertThat(log.unansweredRequests()).isEmpty();
        assertThat(log.entries()).extracting(TrafficEntry::seq).isSorted().doesNotHaveDuplicates();
    }
}
