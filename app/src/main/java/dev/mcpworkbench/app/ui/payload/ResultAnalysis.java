package dev.mcpworkbench.app.ui.payload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpworkbench.app.memory.HeapPolicy;
import dev.mcpworkbench.inspector.payload.Payload;
import dev.mcpworkbench.inspector.payload.PayloadParser;
import dev.mcpworkbench.inspector.payload.ResultMember;
import dev.mcpworkbench.inspector.rules.Finding;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The parse and the dynamic rules' check of one tool result, done once and shared by everyone who
 * asks: the Findings tab's check after the call and the result's Payload tab (or its window). Each
 * used to serialize the result again and parse and index it on its own: for 100 MB, twice about
 * 400 MB of allocation and two indexes alive together.
 *
 * <p>Whoever asks while the parse runs waits for that parse, and whoever asks while someone still
 * holds its outcome (an open Payload tab) gets it. The analysis itself keeps the parsed payload
 * only weakly: an index two to three times the result's size must not stay on the heap for a user
 * who reads the Content tab and never opens the Payload tab; opening it then parses again (the
 * rules do not run again: their findings are kept). The whole analysis goes with the result: the
 * pane that shows it is its only lasting holder.
 */
public final class ResultAnalysis {

    /** The parsed result and the dynamic rules' findings on it. */
    public record Checked(Payload payload, List<Finding> findings) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String tool;
    private final JsonNode definition;
    private final JsonNode arguments;
    private final JsonNode result;
    /** The result's bytes in the message it came in (shared with the traffic log), or null. */
    private final ResultMember.Slice sentAs;
    private final PayloadParser parser;
    private final Object lock = new Object();
    private CompletableFuture<Checked> inFlight;
    private WeakReference<Checked> kept = new WeakReference<>(null);
    private volatile List<Finding> findings;
    /** The result's claim on the heap while it is on screen (see HeapPolicy); null for a small one. */
    private volatile HeapPolicy.Lease heapLease;

    /** {@code definition} and {@code arguments} may be null (outputSchema and paging rules then stay quiet). */
    public ResultAnalysis(String tool, JsonNode definition, JsonNode arguments, JsonNode result) {
        this(tool, definition, arguments, result, null);
    }

    /**
     * {@code sentAs}: where {@code result} lies in the bytes the server sent, which the parse then
     * reads in place (the sizes and token counts are those of the text as sent); null serializes the
     * tree for the parse.
     */
    public ResultAnalysis(String tool, JsonNode definition, JsonNode arguments, JsonNode result, ResultMember.Slice sentAs) {
        this(tool, definition, arguments, result, sentAs, PayloadParser.defaults());
    }

    ResultAnalysis(String tool, JsonNode definition, JsonNode arguments, JsonNode result, ResultMember.Slice sentAs,
                   PayloadParser parser) {
        this.tool = tool == null ? "" : tool;
        this.definition = definition;
        this.arguments = arguments;
        this.result = result;
        this.sentAs = sentAs;
        this.parser = parser;
    }

    /** Holds {@code lease} until {@link #leftScreen()}: the heap policy gives the result room meanwhile. */
    public void holdHeap(HeapPolicy.Lease lease) {
        heapLease = lease;
    }

    /** The result left the screen: its claim on the heap goes (the policy lowers the soft limit again). */
    public void leftScreen() {
        HeapPolicy.Lease lease = heapLease;
        heapLease = null;
        if (lease != null) lease.close();
    }

    public String tool() {
        return tool;
    }

    /** The arguments the call was made with (null when not known). */
    public JsonNode arguments() {
        return arguments;
    }

    public JsonNode result() {
        return result;
    }

    /** The findings, checking first if nobody has yet. Blocking: call off the FX thread. */
    public List<Finding> findings() throws Exception {
        List<Finding> known = findings;
        return known != null ? known : checked().findings();
    }

    /** The parsed payload and its findings; parses (and checks) only if no parse is running or kept. Blocking. */
    public Checked checked() throws Exception {
        CompletableFuture<Checked> pending;
        boolean mine = false;
        synchronized (lock) {
            Checked done = kept.get();
            if (done != null) return done;
            if (inFlight == null) {
                inFlight = new CompletableFuture<>();
                mine = true;
            }
            pending = inFlight;
        }
        if (!mine) return await(pending);
        HeapPolicy.Lease lease = heapLease;
        // a parse after the first (the kept one was collected) needs the room the first had
        if (lease != null) lease.work();
        try {
            Checked done = compute();
            synchronized (lock) {
                kept = new WeakReference<>(done);
                inFlight = null;
            }
            pending.complete(done);
            return done;
        } catch (Exception | Error e) {
            synchronized (lock) {
                inFlight = null;
            }
            pending.completeExceptionally(e);
            throw e;
        } finally {
            // parsed and checked (or failed): what stays is the result's bytes (the parse only while a view holds it)
            if (lease != null) lease.settle();
        }
    }

    private Checked compute() throws Exception {
        // the bytes as sent, read in place: serializing the tree again cost a 100 MB result a second
        // 100 MB array alive during the parse (and 300 MB of allocation)
        Payload payload = sentAs != null ? parser.parse(sentAs.bytes(), sentAs.offset(), sentAs.length())
                : parser.parse(MAPPER.writeValueAsBytes(result));
        List<Finding> found = findings;
        if (found == null) {
            // a result too large or unparsable to check yields no findings
            found = List.copyOf(payload.parsed() ? ToolResultFindings.of(tool, definition, arguments, payload) : List.of());
            findings = found;
        }
        return new Checked(payload, found);
    }

    private static Checked await(CompletableFuture<Checked> pending) throws Exception {
        try {
            return pending.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) throw cause;
            if (e.getCause() instanceof Error error) throw error;
            throw e;
        }
    }
}
