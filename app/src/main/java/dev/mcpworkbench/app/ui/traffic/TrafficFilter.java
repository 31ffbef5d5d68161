package dev.mcpworkbench.app.ui.traffic;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.animation.PauseTransition;
import javafx.application.Platform;

/**
 * The traffic table's filter text, searched off the FX thread. Matching a query against a session
 * with a 100 MB message reads 100 MB: done per keystroke on the FX thread, as a FilteredList
 * predicate does, it froze typing. Here a keystroke only restarts a short pause; then one
 * background scan over a snapshot of the rows finds the matching ones, and the table's predicate
 * becomes a set lookup. Rows that arrive later are matched on the FX thread only when small; a big
 * one starts another scan.
 */
final class TrafficFilter {

    /** The pause after the last keystroke before the scan starts. */
    static final Duration DEBOUNCE = Duration.ofMillis(200);
    /** A row arriving while a query is active is matched at once (on the FX thread) only up to this size. */
    static final int INLINE_MATCH_BYTES = 64 * 1024;

    private static final ExecutorService SCANS = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("traffic-filter-", 0).factory());

    private final java.util.function.Supplier<List<TrafficRow>> rows;
    private final Consumer<Predicate<TrafficRow>> apply;
    private final PauseTransition pause = new PauseTransition(javafx.util.Duration.millis(DEBOUNCE.toMillis()));
    private String direction = "Both directions";
    private String method = "All methods";
    /** The query typed; {@link #scanned} is the one whose matches are known. */
    private String query = "";
    private Scan scanned = Scan.NONE;
    private Future<?> running;
    private long generation;

    /** What one scan found: the query, the seqs of the rows that matched, the last seq it looked at. */
    private record Scan(String query, Set<Long> matched, long upToSeq) {
        static final Scan NONE = new Scan("", Set.of(), Long.MAX_VALUE);
    }

    /**
     * @param rows  the rows held now (called on the FX thread; the scan works on a copy)
     * @param apply sets the table's predicate (on the FX thread)
     */
    TrafficFilter(java.util.function.Supplier<List<TrafficRow>> rows, Consumer<Predicate<TrafficRow>> apply) {
        this.rows = rows;
        this.apply = apply;
        pause.setOnFinished(e -> startScan());
    }

    /** Direction or method changed: no text to read, applied at once. */
    void setSelectors(String direction, String method) {
        this.direction = direction;
        this.method = method;
        publish();
    }

    /** The filter text changed: a blank one applies at once, another after the pause and the scan. */
    void setQuery(String text) {
        query = text == null ? "" : text;
        cancelScan();
        if (query.isBlank()) {
            pause.stop();
            scanned = Scan.NONE;
            publish();
        } else {
            pause.playFromStart();
        }
    }

    /** Rows were added: small ones are matched by the predicate itself, a big one needs a scan. */
    void rowsAdded(List<TrafficRow> batch) {
        if (scanned.query().isBlank()) return;
        for (TrafficRow r : batch) {
            if (r.sizeBytes() > INLINE_MATCH_BYTES) {
                pause.playFromStart();
                return;
            }
        }
    }

    /** Whether a scan is waiting or running (the view says "Filtering…"). */
    boolean pending() {
        return running != null || pause.getStatus() == javafx.animation.Animation.Status.RUNNING;
    }

    private void startScan() {
        cancelScan();
        List<TrafficRow> snapshot = List.copyOf(rows.get());
        String q = query;
        long gen = ++generation;
        running = SCANS.submit(() -> {
            Set<Long> matched = new HashSet<>();
            long upTo = 0;
            for (TrafficRow r : snapshot) {
                if (Thread.currentThread().isInterrupted()) return;
                if (r.contains(q)) matched.add(r.seq());
                upTo = Math.max(upTo, r.seq());
            }
            Scan done = new Scan(q, matched, upTo);
            Platform.runLater(() -> {
                if (gen != generation) return;
                running = null;
                scanned = done;
                publish();
            });
        });
    }

    private void cancelScan() {
        generation++;
        if (running != null) running.cancel(true);
        running = null;
    }

    private void publish() {
        String d = direction;
        String m = method;
        Scan s = scanned;
        apply.accept(r -> r.passes(d, m) && (s.query().isBlank() || s.matched().contains(r.seq())
                || r.seq() > s.upToSeq() && r.sizeBytes() <= INLINE_MATCH_BYTES && r.contains(s.query())));
    }
}
