package dev.mcpworkbench.inspector.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The observable, thread-safe record of one connection's traffic. Memory is bounded: past
 * {@code maxEntries} entries or {@code maxTextChars} bytes of text (UTF-8, as kept) the oldest entries are
 * dropped (and counted in {@link #droppedCount()}), so a chatty server cannot exhaust the heap.
 *
 * <p>Responses are paired with their requests by JSON-RPC id and direction: a response entry
 * carries the request's seq and the latency.
 */
public final class TrafficLog {

    public static final int DEFAULT_MAX_ENTRIES = 20_000;
    public static final long DEFAULT_MAX_TEXT_CHARS = 64L * 1024 * 1024;

    private final int maxEntries;
    private final long maxTextChars;
    private final ArrayDeque<TrafficEntry> entries = new ArrayDeque<>();
    private final Map<String, TrafficEntry> openRequests = new HashMap<>();
    private final List<TrafficListener> listeners = new CopyOnWriteArrayList<>();
    private long nextSeq = 1;
    private long textChars;
    private long dropped;

    public TrafficLog() {
        this(DEFAULT_MAX_ENTRIES, DEFAULT_MAX_TEXT_CHARS);
    }

    public TrafficLog(int maxEntries, long maxTextChars) {
        if (maxEntries < 1 || maxTextChars < 1) throw new IllegalArgumentException("limits must be positive");
        this.maxEntries = maxEntries;
        this.maxTextChars = maxTextChars;
    }

    /** Adds a listener; close the returned handle to remove it. */
    public AutoCloseable addListener(TrafficListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /**
     * Records a JSON-RPC message (or what should have been one) exactly as sent or received.
     *
     * @param parsed the text already parsed as JSON, or null to parse it here (null also when it is not JSON)
     */
    public TrafficEntry recordMessage(Direction direction, String text, JsonNode parsed, HttpInfo http) {
        return recordMessage(direction, RawMessage.of(text), parsed != null ? parsed : JsonRpcText.parseOrNull(text), http);
    }

    /**
     * Records a message as the bytes that travelled; the log keeps that array (no copy), so the
     * caller must not change it.
     *
     * @param parsed the bytes already parsed as JSON, or null to parse them here (null also when they are not JSON)
     */
    public TrafficEntry recordMessage(Direction direction, byte[] utf8, JsonNode parsed, HttpInfo http) {
        return recordMessage(direction, RawMessage.ofUtf8(utf8), parsed != null ? parsed : JsonRpcText.parseOrNull(utf8), http);
    }

    private TrafficEntry recordMessage(Direction direction, RawMessage raw, JsonNode node, HttpInfo http) {
        EntryKind kind = JsonRpcText.kindOf(node);
        String method = JsonRpcText.methodOf(node);
        String id = JsonRpcText.idOf(node);
        synchronized (this) {
            Instant now = Instant.now();
            long requestSeq = 0;
            Duration latency = null;
            if (kind == EntryKind.RESPONSE || kind == EntryKind.ERROR) {
                TrafficEntry request = openRequests.remove(pairKey(opposite(direction), id));
                if (request != null) {
                    requestSeq = request.seq();
                    latency = Duration.between(request.time(), now);
                }
            }
            TrafficEntry entry = new TrafficEntry(nextSeq++, now, direction, kind, raw, method, id, http, requestSeq, latency);
            if (kind == EntryKind.REQUEST && !id.isEmpty()) openRequests.put(pairKey(direction, id), entry);
            append(entry);
            return publish(entry);
        }
    }

    /** Records a stderr line of a stdio server. */
    public TrafficEntry recordStderr(String line) {
        return recordPlain(Direction.SERVER_TO_CLIENT, EntryKind.STDERR, line, null);
    }

    /** Records an HTTP exchange's status and headers; {@code note} says what it was for (may be ""). */
    public TrafficEntry recordHttp(Direction direction, HttpInfo http, String note) {
        return recordPlain(direction, EntryKind.HTTP, note, http);
    }

    /** Records something the workbench did or saw happen to the connection. */
    public TrafficEntry recordLifecycle(String note) {
        return recordPlain(Direction.CLIENT_TO_SERVER, EntryKind.LIFECYCLE, note, null);
    }

    private TrafficEntry recordPlain(Direction direction, EntryKind kind, String text, HttpInfo http) {
        RawMessage raw = RawMessage.of(text);
        synchronized (this) {
            TrafficEntry entry = new TrafficEntry(nextSeq++, Instant.now(), direction, kind, raw, "", "", http, 0, null);
            append(entry);
            return publish(entry);
        }
    }

    private void append(TrafficEntry entry) {
        entries.addLast(entry);
        textChars += entry.sizeBytes();
        while (entries.size() > 1 && (entries.size() > maxEntries || textChars > maxTextChars)) {
            TrafficEntry old = entries.removeFirst();
            textChars -= old.sizeBytes();
            dropped++;
        }
    }

    private TrafficEntry publish(TrafficEntry entry) {
        for (TrafficListener listener : listeners) {
            try {
                listener.onEntry(entry);
            } catch (RuntimeException e) {
                // A faulty view must not break capture for the others.
            }
        }
        return entry;
    }

    /** A copy of the entries still held, oldest first. */
    public synchronized List<TrafficEntry> entries() {
        return new ArrayList<>(entries);
    }

    public synchronized int size() {
        return entries.size();
    }

    /** How many old entries were dropped to stay within the memory bounds. */
    public synchronized long droppedCount() {
        return dropped;
    }

    /** The response paired with the request of that seq, if it arrived and is still held. */
    public synchronized Optional<TrafficEntry> responseTo(long requestSeq) {
        for (TrafficEntry e : entries) {
            if (e.requestSeq() == requestSeq && e.isResponse()) return Optional.of(e);
        }
        return Optional.empty();
    }

    /** The entry of that seq, if still held. */
    public synchronized Optional<TrafficEntry> bySeq(long seq) {
        for (TrafficEntry e : entries) {
            if (e.seq() == seq) return Optional.of(e);
        }
        return Optional.empty();
    }

    /** Requests that got no response (yet), oldest first. */
    public synchronized List<TrafficEntry> unansweredRequests() {
        List<TrafficEntry> open = new ArrayList<>(openRequests.values());
        open.sort(java.util.Comparator.comparingLong(TrafficEntry::seq));
        return open;
    }

    public synchronized void clear() {
        entries.clear();
        openRequests.clear();
        textChars = 0;
    }

    private static String pairKey(Direction requestDirection, String id) {
        return requestDirection.name() + ':' + id;
    }

    private static Direction opposite(Direction d) {
        return d == Direction.CLIENT_TO_SERVER ? Direction.SERVER_TO_CLIENT : Direction.CLIENT_TO_SERVER;
    }
}
