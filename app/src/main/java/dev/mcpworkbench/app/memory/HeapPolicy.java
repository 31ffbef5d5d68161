package dev.mcpworkbench.app.memory;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives ZGC room while a big payload is processed or on screen, and asks for the memory back when it
 * leaves. The desktop launcher sets a soft heap limit of 128 MB ({@code -XX:SoftMaxHeapSize}) so that
 * an idle app stays small (issue 21: at most 400 MB RSS with the lab connected); a 100 MB result
 * holds up to about twice that on the heap while it is read and checked (its message and its index),
 * and under that limit ZGC collects back to back and still grows. So each big payload holds a
 * {@link Lease}: while any is held the soft limit is the launcher's plus {@link #roomFor} the payloads' bytes.
 * The memory target is RSS at most 3× the payload over the idle app, and the soft limit is what ZGC
 * grows the heap to: with three times, the heap grew to 426 MB during a 100 MB check and RSS to
 * 3.3-3.6× (the rest of the process grows too, by 30-45 MB on a first call). Once a
 * payload has been parsed and checked it {@linkplain Lease#settle() settles}: what is left of it is
 * its bytes (the parse is kept only while a view shows it), so its room shrinks to its size and a
 * collection is requested, a moment later, so that the gigabytes of the work can be returned while
 * the result stays on screen. When the last lease is closed the limit goes back to the launcher's
 * value and a collection is requested, so that the pages the payload used are free and ZGC returns
 * them after {@code -XX:ZUncommitDelay} (left alone, ZGC would not collect an idle app and the
 * memory would stay committed).
 *
 * <p>The soft limit never stays below what the last full collection left alive plus some room
 * ({@link #floorFor}): the heap keeps more than the payloads on screen (the traffic log's copy of
 * the last big message, a result's analysis, the findings), and under a soft limit below its live
 * set ZGC starts a collection at every allocation, one core of two busy collecting while the user
 * opens a view (the bench's gc log: collections back to back for seconds, 450 MB alive under a
 * 428 MB limit, 170 MB under 128-158 MB after a 10 MB result). The floor follows each full
 * collection, so it comes down once the memory is free.
 *
 * <p>{@code SoftMaxHeapSize} is a manageable flag: it is changed at run time through
 * {@link HotSpotDiagnosticMXBean#setVMOption}. Where it cannot be (not HotSpot, or the flag is not
 * writable) the policy does nothing. Every change is logged.
 */
public final class HeapPolicy {

    /** Payloads below this size change nothing: the launcher's limit absorbs them. */
    public static final long BIG_BYTES = 4L * 1024 * 1024;
    /**
     * The heap room a payload holds while it is worked on: one and a half times its bytes, for its
     * message and its index (some two thirds of the message for a list of small rows since the
     * index takes a little over 4 bytes a value). With twice its bytes the heap grew to the limit
     * whatever the live set: the 100 MB rows shape peaked at +286-290 MB over the idle app in three
     * runs, and at +250 and +275 MB with one and a half (bench, ninth session). The floor
     * ({@link #floorFor}) still keeps the limit over what is alive.
     */
    static long roomFor(long bytes) {
        return bytes * 3 / 2;
    }
    /**
     * How long after a payload settles its collection is requested: the thread that finished the
     * work still holds the parse for a moment (handing the findings on); collected at once, it would
     * survive until the next collection, which in an idle app does not come.
     */
    private static final java.time.Duration SETTLE_COLLECTION_DELAY = java.time.Duration.ofSeconds(2);
    /**
     * Room over the live set, at least: about what the FX thread and a check allocate while a
     * collection runs (a few hundred MB/s for 100-300 ms); small enough that an idle app's live set
     * (about 70 MB) stays under the launcher's 128 MB.
     */
    static final long MIN_ROOM_OVER_LIVE = 48L * 1024 * 1024;
    /** The floor moves in steps of this, so that small changes of the live set change nothing. */
    static final long FLOOR_STEP = 16L * 1024 * 1024;
    /**
     * The floor follows the least of this many full collections. ZGC's "in use after" counts what
     * was allocated while the cycle ran: at start-up single cycles read 142-281 MB for an app that
     * keeps about 120 MB, and the limit rose to 368 MB, leaving an idle window to grow its heap that
     * far. A live set that is really high reads high in cycle after cycle; one that fell lowers the
     * floor at once.
     */
    static final int AGREEING_COLLECTIONS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(HeapPolicy.class);
    private static final String FLAG = "SoftMaxHeapSize";

    /** The JVM the policy steers; the running one in the app, whose flag the tests read back. */
    interface Vm {
        /** The soft heap limit in bytes, or -1 when it cannot be changed. */
        long softMax();

        /** False when the JVM refused the value (the flag stays as it was). */
        boolean setSoftMax(long bytes);

        long maxHeap();

        /** Starts a collection and returns at once. */
        void requestCollection();

        /**
         * Calls {@code liveBytes} with the heap in use after each full collection, from the JVM's
         * notification thread; returns what stops it.
         */
        Runnable afterFullCollections(LongConsumer liveBytes);

        static Vm running() {
            return new RunningVm();
        }
    }

    /** One big payload's claim on the heap; closing it twice is harmless. */
    public final class Lease implements AutoCloseable {
        private final long bytes;
        private final String what;
        /** The heap room it holds: {@link #roomFor} its bytes while it is worked on, its bytes once settled. */
        private long room;

        private Lease(long bytes, String what) {
            this.bytes = bytes;
            this.what = what;
            this.room = roomFor(bytes);
        }

        public long bytes() {
            return bytes;
        }

        /** The work on the payload is done: it keeps room for its bytes alone. Harmless when repeated or closed. */
        public void settle() {
            HeapPolicy.this.settle(this);
        }

        /** The payload is parsed and checked again (its parse was collected): room for the work until it settles again. */
        public void work() {
            HeapPolicy.this.work(this);
        }

        @Override
        public void close() {
            release(this);
        }
    }

    private final Vm vm;
    private final long idleSoftMax;
    private final Map<Lease, Boolean> held = new IdentityHashMap<>();
    private final Runnable stopWatching;
    private long heldBytes;
    private long heldRoom;
    /** The floor the last full collections set (see {@link #collected}). */
    private long liveFloor;
    /** What the last {@link #AGREEING_COLLECTIONS} full collections left in use, oldest overwritten first. */
    private final long[] recentLive = new long[AGREEING_COLLECTIONS];
    private int collections;
    /** The limit this policy set last (the launcher's at first): set again only when it changes. */
    private long limit;

    HeapPolicy(Vm vm) {
        this.vm = vm;
        this.idleSoftMax = vm.softMax();
        this.limit = idleSoftMax;
        this.stopWatching = active() ? vm.afterFullCollections(this::collected) : () -> { };
    }

    public static HeapPolicy shared() {
        return Shared.POLICY;
    }

    /** Made at first use, not with the class: a policy made for a test must be the only one steering the flag. */
    private static final class Shared {
        static final HeapPolicy POLICY = new HeapPolicy(Vm.running());
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
        long set;
        synchronized (this) {
            held.put(lease, Boolean.TRUE);
            heldBytes += bytes;
            heldRoom += lease.room;
            set = apply();
        }
        if (set > 0) LOG.info("Heap: soft limit raised to {} MB for {} ({} MB)", set >> 20, what, bytes >> 20);
        return lease;
    }

    private void release(Lease lease) {
        long set;
        boolean last;
        synchronized (this) {
            if (held.remove(lease) == null) return;
            heldBytes -= lease.bytes;
            heldRoom -= lease.room;
            last = held.isEmpty();
            set = apply();
        }
        long now = limit();
        String change = now == idleSoftMax ? "back to" : set > 0 ? "lowered to" : "stays at";
        if (last) {
            LOG.info("Heap: {} left; soft limit {} {} MB, collection requested so that the memory can be returned",
                    lease.what, change, now >> 20);
            vm.requestCollection();
        } else {
            LOG.info("Heap: {} left; soft limit {} {} MB", lease.what, change, now >> 20);
        }
    }

    private void work(Lease lease) {
        long now = reroom(lease, roomFor(lease.bytes));
        if (now >= 0) LOG.info("Heap: {} is parsed again; soft limit {} MB", lease.what, now >> 20);
    }

    private void settle(Lease lease) {
        long now = reroom(lease, lease.bytes);
        if (now < 0) return;
        LOG.info("Heap: {} was checked; soft limit {} MB, collection requested so that the work's memory can be returned",
                lease.what, now >> 20);
        Thread.ofVirtual().name("heap-policy-settle").start(() -> {
            try {
                Thread.sleep(SETTLE_COLLECTION_DELAY);
                vm.requestCollection();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Gives a held lease {@code room}; returns the limit then, or -1 when it is not held or has that room already. */
    private synchronized long reroom(Lease lease, long room) {
        if (!held.containsKey(lease) || lease.room == room) return -1;
        heldRoom += room - lease.room;
        lease.room = room;
        apply();
        return limit;
    }

    /** A full collection left {@code bytes} in use: the floor under the soft limit follows it. */
    void collected(long bytes) {
        long set;
        long least = bytes;
        synchronized (this) {
            recentLive[collections++ % AGREEING_COLLECTIONS] = bytes;
            if (collections >= AGREEING_COLLECTIONS) {
                // the least of the recent ones: a rise needs all of them, a fall one
                for (long live : recentLive) least = Math.min(least, live);
                long floor = floorFor(least);
                // a live set wavering across a step does not move the limit (and the log) at every collection
                if (floor > liveFloor || floor < liveFloor - FLOOR_STEP) liveFloor = floor;
            }
            set = apply();
        }
        if (set > 0) LOG.info("Heap: soft limit {} MB, at least {} MB alive after the last {} full collections",
                set >> 20, least >> 20, AGREEING_COLLECTIONS);
    }

    /** The soft limit the policy keeps now. */
    public synchronized long limit() {
        return limit;
    }

    /**
     * The lowest soft limit under which a live set of {@code liveBytes} leaves ZGC room to work:
     * the live set plus an eighth, at least {@link #MIN_ROOM_OVER_LIVE}, rounded up to
     * {@link #FLOOR_STEP}.
     * A quarter kept 400 MB for the 310 MB alive during a 100 MB check, and the heap grew to that:
     * peak RSS 3.5 times the payload over the idle app; with an eighth, 2.96 times (bench, rows).
     */
    static long floorFor(long liveBytes) {
        long wanted = liveBytes + Math.max(MIN_ROOM_OVER_LIVE, liveBytes / 8);
        return (wanted + FLOOR_STEP - 1) / FLOOR_STEP * FLOOR_STEP;
    }

    /** Sets the limit the leases and the live set ask for; returns it when it changed, else 0. */
    private long apply() {
        long wanted = Math.max(idleSoftMax + heldRoom, liveFloor);
        wanted = Math.min(vm.maxHeap(), Math.max(idleSoftMax, wanted));
        if (wanted == limit || !vm.setSoftMax(wanted)) return 0;
        limit = wanted;
        return wanted;
    }

    /** Stops following the collections (a policy made for a test). */
    void stop() {
        stopWatching.run();
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

        @Override
        public Runnable afterFullCollections(LongConsumer liveBytes) {
            NotificationListener listener = (notification, handback) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) return;
                var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                if (!full(info.getGcName())) return;
                liveBytes.accept(info.getGcInfo().getMemoryUsageAfterGc().values().stream().mapToLong(MemoryUsage::getUsed).sum());
            };
            List<NotificationEmitter> emitters = new ArrayList<>();
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter emitter && full(gc.getName())) {
                    emitter.addNotificationListener(listener, null, null);
                    emitters.add(emitter);
                }
            }
            return () -> emitters.forEach(e -> {
                try {
                    e.removeNotificationListener(listener);
                } catch (javax.management.ListenerNotFoundException ignored) {
                    // already removed
                }
            });
        }

        /**
         * Generational ZGC's old-generation cycles ("ZGC Major Cycles"); a minor cycle leaves the
         * old generation's garbage in place, so its figure is not the live set. Other collectors'
         * full collections for completeness (the policy is inactive where the flag is not writable).
         */
        private static boolean full(String gcName) {
            return gcName.equals("ZGC Major Cycles") || gcName.equals("ZGC Cycles")
                    || gcName.contains("Old") || gcName.contains("MarkSweep");
        }
    }
}
