package dev.mcpworkbench.app.ui.payload;

import dev.mcpworkbench.inspector.payload.ContentBlock;
import dev.mcpworkbench.inspector.payload.FieldWeights;
import dev.mcpworkbench.inspector.payload.JsonIndex;
import dev.mcpworkbench.inspector.payload.NodeType;
import dev.mcpworkbench.inspector.payload.Payload;
import dev.mcpworkbench.inspector.payload.PayloadParser;
import dev.mcpworkbench.inspector.payload.PayloadTooLargeException;
import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.Location;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State and commands of the payload viewer. Parsing, searching, exporting and exact token
 * counts run on a background executor; results are published on the FX thread, so the view
 * never blocks on a 100 MB payload.
 */
public final class PayloadViewModel {

    private static final ExecutorService WORKERS = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("payload-", 0).factory());

    private final PayloadParser parser;
    private final ReadOnlyObjectWrapper<Payload> payload = new ReadOnlyObjectWrapper<>(this, "payload");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyObjectWrapper<NodeRef> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();

    public PayloadViewModel(PayloadParser parser) {
        this.parser = parser;
    }

    public PayloadViewModel() {
        this(PayloadParser.defaults());
    }

    public ReadOnlyObjectProperty<Payload> payloadProperty() {
        return payload.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<NodeRef> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ObservableList<Finding> findings() {
        return findings;
    }

    /** Parses {@code bytes} in the background; findings (from the dynamic rules) are attached to nodes. */
    public void load(Callable<byte[]> bytes, List<Finding> resultFindings) {
        busy.set(true);
        status.set("Loading payload…");
        error.set("");
        run(() -> linked(parser.parse(bytes.call()), resultFindings), p -> {
            payload.set(p);
            findings.setAll(resultFindings);
            status.set(p.summary());
            if (!p.notes().isEmpty()) error.set(String.join(" ", p.notes()));
        });
    }

    /**
     * Parses {@code bytes} and computes the findings for the parsed payload (the dynamic rules),
     * both in the background.
     */
    public void load(Callable<byte[]> bytes, java.util.function.Function<Payload, List<Finding>> check) {
        busy.set(true);
        status.set("Loading payload…");
        error.set("");
        record Loaded(Payload payload, List<Finding> findings) {
        }
        run(() -> {
            Payload p = parser.parse(bytes.call());
            List<Finding> found = p.parsed() ? check.apply(p) : List.of();
            linked(p, found);
            return new Loaded(p, found);
        }, l -> show(l.payload(), l.findings()));
    }

    /** Shows a tool result's shared analysis: its one parse and check (see {@link ResultAnalysis}), in the background. */
    public void load(ResultAnalysis analysis) {
        busy.set(true);
        status.set("Loading payload…");
        error.set("");
        run(() -> {
            ResultAnalysis.Checked c = analysis.checked();
            linked(c.payload(), c.findings());
            return c;
        }, c -> show(c.payload(), c.findings()));
    }

    /** Shows an already parsed payload (e.g. from an exerciser report). */
    public void show(Payload p, List<Finding> resultFindings) {
        payload.set(p);
        findings.setAll(resultFindings);
        status.set(p.summary());
        error.set(String.join(" ", p.notes()));
    }

    /**
     * Calls the records' equals once on the loader thread. The first call of a record's generated
     * equals bootstraps method handles (about 100 ms on a cold JVM); the FX properties and lists
     * call equals when the payload is published, so the FX thread would otherwise pay for it.
     * (A content block is a plain class: its equals is Object's.)
     */
    private static Payload linked(Payload p, List<Finding> found) {
        p.equals(null);
        for (Finding f : found) f.equals(null);
        return p;
    }

    public void select(NodeRef ref) {
        selected.set(ref);
    }

    /** The payload's trees as roots: the message, then each JSON text block mounted at its text. */
    public List<NodeRef> roots() {
        Payload p = payload.get();
        List<NodeRef> roots = new ArrayList<>();
        if (p == null || !p.parsed()) return roots;
        roots.add(NodeRef.of(p.message(), 0, ""));
        for (ContentBlock b : p.blocks()) if (b.json() != null) roots.add(NodeRef.of(b.json(), 0, b.bodyPointer()));
        return roots;
    }

    /** Where a finding points, when it points into this payload. */
    public Optional<NodeRef> nodeOf(Finding f) {
        Payload p = payload.get();
        if (p == null || f.location().kind() != Location.Kind.TOOL_RESULT) return Optional.empty();
        return p.resolve(f.location().jsonPointer()).map(n -> NodeRef.of(n.tree(), n.node(), n.prefix()));
    }

    /** Searches keys and values after the current selection; {@code found} gets null when nothing matches. */
    public void search(String query, boolean forward, Consumer<NodeRef> found) {
        Payload p = payload.get();
        if (p == null || !p.parsed() || query.isBlank()) return;
        NodeRef from = selected.get();
        List<NodeRef> roots = roots();
        busy.set(true);
        run(() -> searchAcross(roots, from, query, forward), hit -> {
            status.set(hit == null ? "No match for \"" + query + "\"" : "Found at " + hit.pointer());
            found.accept(hit);
        });
    }

    private static NodeRef searchAcross(List<NodeRef> roots, NodeRef from, String query, boolean forward) {
        int startTree = 0;
        int startNode = forward ? -1 : 0;
        for (int i = 0; from != null && i < roots.size(); i++) {
            if (roots.get(i).tree() == from.tree()) {
                startTree = i;
                startNode = from.node();
            }
        }
        for (int k = 0; k <= roots.size(); k++) {
            int t = Math.floorMod(startTree + (forward ? k : -k), roots.size());
            JsonIndex tree = roots.get(t).tree();
            int origin = k == 0 ? startNode : (forward ? -1 : 0);
            int hit = searchOne(tree, query, origin, forward, false);
            // a JSON text block is searched in its own tree, not as one escaped string of the message
            while (hit >= 0 && t == 0 && isJsonBody(roots, tree, hit)) hit = searchOne(tree, query, hit, forward, false);
            if (hit >= 0) return NodeRef.of(tree, hit, roots.get(t).prefix());
        }
        return null;
    }

    private static boolean isJsonBody(List<NodeRef> roots, JsonIndex message, int node) {
        String pointer = message.pointer(node);
        for (int i = 1; i < roots.size(); i++) if (roots.get(i).prefix().equals(pointer)) return true;
        return false;
    }

    private static int searchOne(JsonIndex tree, String query, int origin, boolean forward, boolean wrapAllowed) {
        int hit = tree.search(query, origin, forward);
        if (hit < 0) return -1;
        boolean wrapped = forward ? hit <= origin : hit >= origin && origin > 0;
        return wrapped && !wrapAllowed ? -1 : hit;
    }

    /** Exact o200k_base tokens of a node (may take seconds on huge nodes). */
    public void exactTokens(NodeRef ref, Consumer<Long> done) {
        run(() -> ref.tree().exactTokens(ref.node()), done);
    }

    /** Writes the node's JSON (or the whole message when {@code ref} is null) to a file. */
    public void export(NodeRef ref, Path file) {
        Payload p = payload.get();
        if (p == null || !p.parsed()) return;
        busy.set(true);
        run(() -> {
            JsonIndex tree = ref == null ? p.message() : ref.tree();
            int node = ref == null ? 0 : ref.node();
            try (OutputStream out = Files.newOutputStream(file)) {
                tree.writeTo(node, out);
            }
            return file;
        }, f -> status.set("Exported to " + f));
    }

    /** A list and where its tokens go, field by field. */
    public record ListFields(NodeRef list, FieldWeights weights) {
    }

    /**
     * The fields of {@code selected} when it is a list, else of the payload's biggest list,
     * aggregated off the FX thread; empty when the payload has no list.
     */
    public void listFields(NodeRef selected, Consumer<Optional<ListFields>> done) {
        Payload p = payload.get();
        if (p == null) return;
        busy.set(true);
        run(() -> {
            NodeRef list = selected != null && !selected.isRange() && selected.tree().type(selected.node()) == NodeType.ARRAY
                    && selected.tree().childCount(selected.node()) > 0 ? selected
                    : FieldWeights.largestList(p).map(n -> NodeRef.of(n.tree(), n.node(), n.prefix())).orElse(null);
            return Optional.ofNullable(list).map(l -> new ListFields(l, FieldWeights.of(l.tree(), l.node())));
        }, done);
    }

    /** Biggest children of a node for the treemap, computed off the FX thread. */
    public void treemap(NodeRef ref, Consumer<List<NodeRef>> done) {
        run(() -> ref.tree().biggestChildren(ref.node(), 60).stream().map(n -> NodeRef.of(ref.tree(), n, ref.prefix())).toList(), done);
    }

    private <T> void run(Callable<T> work, Consumer<T> onFx) {
        WORKERS.submit(() -> {
            try {
                T value = work.call();
                Platform.runLater(() -> {
                    busy.set(false);
                    onFx.accept(value);
                });
            } catch (PayloadTooLargeException e) {
                fail(e.getMessage());
            } catch (IOException e) {
                fail("I/O error: " + e.getMessage());
            } catch (Exception e) {
                fail(e.getClass().getSimpleName() + ": " + e.getMessage());
            } catch (OutOfMemoryError e) {
                fail("Not enough memory for this payload: raise -Xmx or lower payload.maxMessageBytes");
            }
        });
    }

    private void fail(String message) {
        Platform.runLater(() -> {
            busy.set(false);
            error.set(message);
            status.set("");
        });
    }
}
