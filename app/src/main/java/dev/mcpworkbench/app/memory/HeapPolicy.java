package dev.mcpworkbench.app.memory;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.util.IdentityHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives ZGC room while a big payload is processed or on screen, and asks for the memory back when it
 * leaves. The desktop launcher sets a soft heap limit of 128 MB ({@code -XX:SoftMaxHeapSize}) so that
 * an idle app stays small (issue 21: at most 400 MB RSS with the lab connected); a 100 MB result
 * holds two to three times that on the heap and allocates gigabytes of short-lived objects while it
 * is read and checked, and under that limit ZGC collects back to back and still grows. So each big
 * payload holds a {@link Lease}: while any is held the soft limit is the launcher's plus three times
 * the payloads' bytes (the memory target: RSS at most 3× the payload over the idle app). Once a
 * payload has been parsed and checked it {@linkplain Lease#settle() settles}: what is left of it is
 * its bytes (the parse is kept only while a view shows it), so its room shrinks to its size and a
 * collection is requested, a moment later, so that the gigabytes of the work can be returned while
 * the result stays on screen. When the last lease is closed it goes back to the launcher's value and a collection is requested, so that the
 * pages the payload used are free and ZGC returns them after {@code -XX:ZUncommitDelay} (left
 * alone, ZGC would not collect an idle app and the memory would stay committed).
 *
 * <p>{@code SoftMaxHeapSize} is a manageable flag: it is changed at run time through
 * {@link HotSpotDiagnosticMXBean#setVMOption}. Where it cannot be (not HotSpot, or the flag is not
 * writable) the policy does nothing. Every change is logged.
 */
public final class HeapPolicy {

    /** Payloads below this size change nothing: the launcher's limit absorbs them. */
    public static final long BIG_BYTES = 4L * 1024 * 1024;
    /** Heap room per byte of payload held: the memory target's bound. */
    static final int ROOM_PER_PAYLOAD_BYTE = 3;
    /**
     * How long after a payload settles its collection is requested: the thread that finished the
     * work still holds the parse for a moment (handing the findings on); collected at once, it would
     * survive until the next collection, which in an idle app does not come.
     */
    private static final java.time.Duration SETTLE_COLLECTION_DELAY = java.time.Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(HeapPolicy.class);
    private static final String FLAG = "SoftMaxHeapSize";
    private static final HeapPolicy SHARED = new HeapPolicy(Vm.running());

    /** The JVM the policy steers; the running one in the app, whose flag the tests read back. */
    interface Vm {
        /** The soft heap limit in bytes, or -1 when it cannot be changed. */
        long softMax();

        /** False when the JVM refused the value (the flag stays as it was). */
        boolean setSoftMax(long bytes);

        long maxHeap();

        /** Starts a collection and returns at once. */
        void requestCollection();

        static Vm running() {
            return new RunningVm();
        }
    }

    /** One big payload's claim on the heap; closing it twice is harmless. */
    public final class Lease implements AutoCloseable {
        private final long bytes;
        private final String what;
        /** The heap room it holds: three times its bytes while it is worked on, its bytes once settled. */
        private long room;

        private Lease(long bytes, String what) {
            this.bytes = bytes;
            this.what = what;
            this.room = ROOM_PER_PAYLOAD_BYTE * bytes;
        }

        public long bytes() {
            return bytes;
        }

        /** The work on the payload is done: it keeps room for its bytes alone. Harmless when repeated or closed. */
        public void settle() {
            HeapPolicy.this.settle(this);
        }

        @Override
        public void close() {
            release(this);
        }
    }

    private final Vm vm;
    private final long idleSoftMax;
    private final Map<Lease, Boolean> held = new IdentityHashMap<>();
    private long heldBytes;
    private long heldRoom;

    HeapPolicy(Vm vm) {
        this.vm = vm;
        this.idleSoftMax = vm.softMax();
    }

    public static HeapPolicy shared() {
        return SHARED;
    }

    /** Whether the policy can change the soft limit in this JVM. */
    public boolean active() {
        return idleSoftMax > 0;
    }

    /** The launcher's soft limit, to which the policy returns. */
    public long idleSoftMax() {
        return idleSoftMax;
    }

    /** The bytes of the big payloads whose leases are open: 0 once they all left the screen. */
    public synchronized long heldBytes() {
        return heldBytes;
    }

    /** A payload of {@code bytes} is being read, checked or shown; {@code what} names it in the log. */
    public Lease hold(long bytes, String what) {
        Lease lease = new Lease(bytes, what);
        if (!active() || bytes < BIG_BYTES) return lease;
        long limit;
        boolean set;
        synchronized (this) {
            held.put(lease, Boolean.TRUE);
            heldBytes += bytes;
            heldRoom += lease.room;
            limit = limit();
            set = vm.setSoftMax(limit);
        }
        if (set) LOG.info("Heap: soft limit raised to {} MB for {} ({} MB)", limit >> 20, what, bytes >> 20);
        return lease;
    }

    private void release(Lease lease) {
        long limit;
        synchronized (this) {
            if (held.remove(lease) == null) return;
            heldBytes -= lease.bytes;
            heldRoom -= lease.room;
            limit = held.isEmpty() ? idleSoftMax : limit();
            vm.setSoftMax(limit);
        }
        if (limit == idleSoftMax) {
            LOG.info("Heap: {} left; soft limit back to {} MB, collection requested so that the memory can be returned",
                    lease.what, limit >> 20);
            vm.requestCollection();
        } else {
            LOG.info("Heap: {} left; soft limit lowered to {} MB", lease.what, limit >> 20);
        }
    }

    private void settle(Lease lease) {
        long limit;
        synchronized (this) {
            if (!held.containsKey(lease) || lease.room == lease.bytes) return;
            heldRoom -= lease.room - lease.bytes;
            lease.room = lease.bytes;
            limit = limit();
            vm.setSoftMax(limit);
        }
        LOG.info("Heap: {} was checked; soft limit lowered to {} MB, collection requested so that the work's memory can be returned",
                lease.what, limit >> 20);
        Thread.ofVirtual().name("heap-policy-settle").start(() -> {
            try {
                Thread.sleep(SETTLE_COLLECTION_DELAY);
                vm.requestCollection();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private long limit() {
        return Math.min(vm.maxHeap(), idleSoftMax + heldRoom);
    }

    /** The running JVM, through the HotSpot diagnostic bean. */
    private static final class RunningVm implements Vm {
        private final HotSpotDiagnosticMXBean bean = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

        @Override
        public long softMax() {
            try {
                VMOption option = bean == null ? null : bean.getVMOption(FLAG);
                return option != null && option.isWriteable() ? Long.parseLong(option.getValue()) : -1;
            } catch (RuntimeException e) {
                return -1;
            }
        }

        @Override
        public boolean setSoftMax(long bytes) {
            try {
                bean.setVMOption(FLAG, Long.toString(bytes));
                return true;
            } catch (RuntimeException e) {
                LOG.debug("Cannot set {} to {}: {}", FLAG, bytes, e.toString());
                return false;
            }
        }

        @Override
        public long maxHeap() {
            return Runtime.getRuntime().maxMemory();
        }

        @Override
        public void requestCollection() {
            // System.gc() waits for the cycle to end: the caller (often the FX thread) must not
            Thread.ofVirtual().name("heap-policy-gc").start(System::gc);
        }
    }
}
