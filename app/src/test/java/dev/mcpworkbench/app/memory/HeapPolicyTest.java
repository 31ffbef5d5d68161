package dev.mcpworkbench.app.memory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The policy steers this JVM's own SoftMaxHeapSize, as it does the app's; the test reads the flag back. */
class HeapPolicyTest {

    private static final long MB = 1024 * 1024;
    private final HotSpotDiagnosticMXBean bean = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    private String before;

    @BeforeEach
    void launcherLimit() {
        before = bean.getVMOption("SoftMaxHeapSize").getValue();
        bean.setVMOption("SoftMaxHeapSize", Long.toString(64 * MB));
    }

    @AfterEach
    void restore() {
        bean.setVMOption("SoftMaxHeapSize", before);
    }

    private long softMax() {
        return Long.parseLong(bean.getVMOption("SoftMaxHeapSize").getValue());
    }

    /**
     * This JVM, without the collections' notifications: the test tells the policy what a full
     * collection left alive, so that a collection of its own does not move the figures it checks.
     */
    private static HeapPolicy.Vm withoutNotifications() {
        HeapPolicy.Vm running = HeapPolicy.Vm.running();
        return new HeapPolicy.Vm() {
            @Override public long softMax() { return running.softMax(); }
            @Override public boolean setSoftMax(long bytes) { return running.setSoftMax(bytes); }
            @Override public long maxHeap() { return running.maxHeap(); }
            @Override public void requestCollection() { running.requestCollection(); }
            @Override public Runnable afterFullCollections(java.util.function.LongConsumer liveBytes) { return () -> { }; }
        };
    }

    @Test
    void bigPayloadsRaiseTheSoftLimitUntilTheLastLeaves() {
        HeapPolicy policy = new HeapPolicy(withoutNotifications());
        assertThat(policy.active()).isTrue();
        assertThat(policy.idleSoftMax()).isEqualTo(64 * MB);
        long max = Runtime.getRuntime().maxMemory();

        HeapPolicy.Lease first = policy.hold(20 * MB, "a 20 MB result");
        assertThat(softMax()).isEqualTo(Math.min(max, 64 * MB + HeapPolicy.roomFor(20 * MB)));
        HeapPolicy.Lease second = policy.hold(10 * MB, "a 10 MB result");
        assertThat(softMax()).isEqualTo(Math.min(max, 64 * MB + HeapPolicy.roomFor(30 * MB)));

        first.close();
        assertThat(softMax()).isEqualTo(Math.min(max, 64 * MB + HeapPolicy.roomFor(10 * MB)));
        first.close(); // twice: no effect
        assertThat(softMax()).isEqualTo(Math.min(max, 64 * MB + HeapPolicy.roomFor(10 * MB)));
        second.close();
        assertThat(softMax()).isEqualTo(64 * MB);
    }

    @Test
    void aCheckedPayloadKeepsRoomForItsBytesAlone() {
        HeapPolicy policy = new HeapPolicy(withoutNotifications());
        long max = Runtime.getRuntime().maxMemory();
        HeapPolicy.Lease shown = policy.hold(20 * MB, "a 20 MB result on screen");
        HeapPolicy.Lease checked = policy.hold(10 * MB, "a 10 MB result");
        checked.settle();
        assertThat(softMax()).isEqualTo(Math.min(max, 64 * MB + HeapPolicy.roomFor(20 * MB) + 10 * MB));
        checked.settle(); // twice: no effect
        assertThat(softMax()).isEqualTo(Math.min(max, 64 * MB + HeapPolicy.roomFor(20 * MB) + 10 * MB));
        checked.work(); // parsed again: the room of the work, until it settles again
        assertThat(softMax()).isEqualTo(Math.min(max, 64 * MB + HeapPolicy.roomFor(30 * MB)));
        checked.settle();
        assertThat(softMax()).isEqualTo(Math.min(max, 64 * MB + HeapPolicy.roomFor(20 * MB) + 10 * MB));
        shown.close();
        assertThat(softMax()).isEqualTo(Math.min(max, 64 * MB + 10 * MB));
        checked.close();
        checked.settle(); // closed: no effect
        assertThat(softMax()).isEqualTo(64 * MB);
    }

    @Test
    void smallPayloadsChangeNothing() {
        HeapPolicy policy = new HeapPolicy(withoutNotifications());
        try (HeapPolicy.Lease small = policy.hold(HeapPolicy.BIG_BYTES - 1, "a small result")) {
            assertThat(small.bytes()).isEqualTo(HeapPolicy.BIG_BYTES - 1);
            assertThat(softMax()).isEqualTo(64 * MB);
        }
        assertThat(softMax()).isEqualTo(64 * MB);
    }

    @Test
    void theLimitStaysAboveWhatTheLastFullCollectionLeftAlive() {
        HeapPolicy policy = new HeapPolicy(withoutNotifications());
        long max = Runtime.getRuntime().maxMemory();
        // the traffic log's copy of a big message and a result's analysis: 300 MB alive, cycle after cycle
        for (int i = 0; i < HeapPolicy.AGREEING_COLLECTIONS; i++) policy.collected(300 * MB);
        long floor = Math.min(max, HeapPolicy.floorFor(300 * MB));
        assertThat(floor).isGreaterThanOrEqualTo(Math.min(max, 300 * MB + HeapPolicy.MIN_ROOM_OVER_LIVE));
        assertThat(softMax()).isEqualTo(floor).isEqualTo(policy.limit());

        // a lease asking for less than the floor does not lower it
        HeapPolicy.Lease lease = policy.hold(20 * MB, "a 20 MB result");
        assertThat(softMax()).isEqualTo(floor);
        // the memory was freed: the lease's room is what is left
        policy.collected(10 * MB);
        assertThat(softMax()).isEqualTo(Math.min(max, 64 * MB + HeapPolicy.roomFor(20 * MB)));
        lease.close();
        assertThat(softMax()).isEqualTo(64 * MB);
    }

    @Test
    void aLiveSetWaveringAcrossAStepLeavesTheLimitAlone() {
        HeapPolicy policy = new HeapPolicy(withoutNotifications());
        for (int i = 0; i < HeapPolicy.AGREEING_COLLECTIONS; i++) policy.collected(81 * MB);
        long raised = HeapPolicy.floorFor(81 * MB);
        assertThat(raised).isGreaterThan(HeapPolicy.floorFor(79 * MB));
        assertThat(softMax()).isEqualTo(raised);
        policy.collected(79 * MB);
        assertThat(softMax()).as("one step down is within the wavering").isEqualTo(raised);
        policy.collected(81 * MB);
        assertThat(softMax()).isEqualTo(raised);
        policy.collected(10 * MB);
        assertThat(softMax()).as("a real fall lowers it").isEqualTo(64 * MB);
    }

    @Test
    void oneHighReadingDoesNotRaiseTheLimit() {
        // start-up: a cycle that ran while the window was built counts what it allocated meanwhile
        HeapPolicy policy = new HeapPolicy(withoutNotifications());
        policy.collected(120 * MB);
        policy.collected(120 * MB);
        policy.collected(120 * MB);
        long settled = softMax();
        assertThat(settled).isEqualTo(HeapPolicy.floorFor(120 * MB));
        policy.collected(280 * MB);
        assertThat(softMax()).as("one cycle reading 280 MB").isEqualTo(settled);
        policy.collected(280 * MB);
        policy.collected(280 * MB);
        assertThat(softMax()).as("three in a row").isEqualTo(HeapPolicy.floorFor(280 * MB));
        policy.collected(100 * MB);
        assertThat(softMax()).as("one low reading lowers it").isEqualTo(HeapPolicy.floorFor(100 * MB));
    }

    @Test
    void aFullCollectionOfThisJvmMovesTheFloor() throws Exception {
        HeapPolicy policy = new HeapPolicy(HeapPolicy.Vm.running());
        try {
            byte[][] alive = new byte[200][];
            for (int i = 0; i < alive.length; i++) alive[i] = new byte[1024 * 1024];
            for (int i = 0; i < HeapPolicy.AGREEING_COLLECTIONS; i++) System.gc();
            assertThat(waitFor(() -> softMax() >= 200 * MB)).as("soft limit %d MB over 200 MB alive", softMax() / MB).isTrue();
            long withThem = softMax();
            assertThat(alive[199]).hasSize(1024 * 1024);
            alive = null;
            // what else this JVM keeps alive (earlier tests' windows) stays under the floor: only its fall is checked
            System.gc();
            assertThat(waitFor(() -> softMax() <= withThem - 128 * MB))
                    .as("soft limit %d MB once they are free (%d MB with them)", softMax() / MB, withThem / MB).isTrue();
        } finally {
            policy.stop();
        }
    }

    private static boolean waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (condition.getAsBoolean()) return true;
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }

    @Test
    void theFootprintIsAboutTheJsonTextsSize() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        var rows = mapper.createArrayNode();
        for (int i = 0; i < 2000; i++) rows.addObject().put("id", i).put("name", "row number " + i).put("ok", true);
        var result = mapper.createObjectNode();
        result.putArray("content").addObject().put("type", "text").put("text", mapper.writeValueAsString(rows));
        result.set("structuredContent", mapper.createObjectNode().set("rows", rows));
        long written = mapper.writeValueAsBytes(result).length;
        assertThat((double) JsonFootprint.bytes(result)).isBetween(written * 0.8, written * 1.25);
    }

    /** A structuredContent still in the message's bytes counts as its bytes and is not read to be counted. */
    @Test
    void theFootprintOfAStructuredContentLeftInTheBytesLeavesItUnread() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        var rows = mapper.createArrayNode();
        for (int i = 0; i < 40_000; i++) rows.addObject().put("id", i).put("name", "row number " + i).put("ok", true);
        var result = mapper.createObjectNode();
        result.putArray("content").addObject().put("type", "text").put("text", "rows");
        result.set("structuredContent", mapper.createObjectNode().set("rows", rows));
        byte[] message = mapper.writeValueAsBytes(mapper.createObjectNode().put("jsonrpc", "2.0").put("id", 1).set("result", result));
        var parsed = dev.mcpworkbench.inspector.traffic.JsonRpcText.parseOrNull(message).get("result");
        var lazy = (dev.mcpworkbench.inspector.traffic.LazyContainer) parsed.get("structuredContent");
        long footprint = JsonFootprint.bytes(parsed);
        assertThat(lazy.isRead()).isFalse();
        assertThat((double) footprint).isBetween(message.length * 0.8, message.length * 1.25);
        lazy.read();
        assertThat((double) JsonFootprint.bytes(parsed)).as("the same once read").isBetween(footprint * 0.8, footprint * 1.25);
    }
}
