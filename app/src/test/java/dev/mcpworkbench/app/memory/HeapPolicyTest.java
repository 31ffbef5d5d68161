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

    @Test
    void bigPayloadsRaiseTheSoftLimitUntilTheLastLeaves() {
        HeapPolicy policy = new HeapPolicy(HeapPolicy.Vm.running());
        assertThat(policy.active()).isTrue();
        assertThat(policy.idleSoftMax()).isEqualTo(64 * MB);
        long max = Runtime.getRuntime().maxMemory();

        HeapPolicy.Lease first = policy.hold(20 * MB, "a 20 MB result");
        assertThat(softMax()).isEqualTo(Math.min(max, 64 * MB + 3 * 20 * MB));
        HeapPolicy.Lease second = policy.hold(10 * MB, "a 10 MB result");
        assertThat(softMax()).isEqualTo(Math.min(max, 64 * MB + 3 * 30 * MB));

        first.close();
        assertThat(softMax()).isEqualTo(Math.min(max, 64 * MB + 3 * 10 * MB));
        first.close(); // twice: no effect
        assertThat(softMax()).isEqualTo(Math.min(max, 64 * MB + 3 * 10 * MB));
        second.close();
        assertThat(softMax()).isEqualTo(64 * MB);
    }

    @Test
    void aCheckedPayloadKeepsRoomForItsBytesAlone() {
        HeapPolicy policy = new HeapPolicy(HeapPolicy.Vm.running());
        long max = Runtime.getRuntime().maxMemory();
        HeapPolicy.Lease shown = policy.hold(20 * MB, "a 20 MB result on screen");
        HeapPolicy.Lease checked = policy.hold(10 * MB, "a 10 MB result");
        checked.settle();
        assertThat(softMax()).isEqualTo(Math.min(max, 64 * MB + 3 * 20 * MB + 10 * MB));
        checked.settle(); // twice: no effect
        assertThat(softMax()).isEqualTo(Math.min(max, 64 * MB + 3 * 20 * MB + 10 * MB));
        shown.close();
        assertThat(softMax()).isEqualTo(Math.min(max, 64 * MB + 10 * MB));
        checked.close();
        checked.settle(); // closed: no effect
        assertThat(softMax()).isEqualTo(64 * MB);
    }

    @Test
    void smallPayloadsChangeNothing() {
        HeapPolicy policy = new HeapPolicy(HeapPolicy.Vm.running());
        try (HeapPolicy.Lease small = policy.hold(HeapPolicy.BIG_BYTES - 1, "a small result")) {
            assertThat(small.bytes()).isEqualTo(HeapPolicy.BIG_BYTES - 1);
            assertThat(softMax()).isEqualTo(64 * MB);
        }
        assertThat(softMax()).isEqualTo(64 * MB);
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
}
