package dev.mcpworkbench.app.ui.payload;

import dev.mcpworkbench.app.ui.common.BusyBar;
import dev.mcpworkbench.app.ui.common.Frames;
import dev.mcpworkbench.app.ui.common.Icons;
import dev.mcpworkbench.inspector.payload.ContentBlock;
import dev.mcpworkbench.inspector.payload.JsonIndex;
import dev.mcpworkbench.inspector.payload.Payload;
import dev.mcpworkbench.inspector.rules.Finding;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.feather.Feather;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.FileChooser;

/**
 * The payload viewer: content blocks in order, JSON as a lazy tree with sizes, tokens and token
 * share, a paged raw view, a treemap of the biggest subtrees, search, copy, export, and the
 * dynamic-rule findings on the nodes they point to. Self-contained: give it a view model and
 * call {@link PayloadViewModel#load} or {@link PayloadViewModel#show}.
 */
public final class PayloadView extends BorderPane {

    private final PayloadViewModel model;
    private final PayloadTreeTable tree = new PayloadTreeTable();
    private final RawPager raw = new RawPager();
    private final TreemapPane<NodeRef> treemap = new TreemapPane<>(TreemapPane.SUBTREES);
    private final FieldWeightsPane fields = new FieldWeightsPane();
    private final ListView<ContentBlock> blocks = new ListView<>();
    private final ListView<Finding> findings = new ListView<>();
    private final TextFlow detail = new TextFlow();
    private final TextField search = new TextField();
    private final TabPane tabs = new TabPane();
    private final Label summary = new Label();
    private final Label notes = new Label();
    /** Where the side panels and the tabs go: {@link #attachInSteps} fills them a frame apart. */
    private final javafx.scene.layout.StackPane sideSlot = new javafx.scene.layout.StackPane();
    private final javafx.scene.layout.StackPane tabsSlot = new javafx.scene.layout.StackPane();
    private SplitPane side;

    public PayloadView(PayloadViewModel model) {
        this.model = model;
        getStyleClass().add("payload-view");
        setTop(header());
        setCenter(body());
        model.payloadProperty().addListener((o, old, p) -> showPayload(p));
        tree.sceneProperty().addListener((o, old, scene) -> {
            if (old == null && scene != null) RowPrebuild.run(tree);
        });
        model.findings().addListener((javafx.collections.ListChangeListener<Finding>) c -> markFindings());
        tree.getSelectionModel().selectedItemProperty().addListener((o, old, item) -> {
            if (item != null && item.getValue() != null) nodeSelected(item.getValue());
        });
        treemap.setOnPick(this::drillInto);
        fields.setOnPick(ref -> {
            tabs.getSelectionModel().select(0);
            tree.reveal(ref);
        });
    }

    /**
     * Lays out a throwaway payload tree once per JVM, a few seconds after start-up, so the first
     * payload view opens as fast as later ones (see {@link RowWarmUp}). The app calls it at startup.
     */
    public static void warmUpSoon(List<String> stylesheets) {
        RowWarmUp.startOnce(List.copyOf(stylesheets));
    }

    public PayloadViewModel model() {
        return model;
    }

    PayloadTreeTable tree() {
        return tree;
    }

    TreemapPane<NodeRef> treemap() {
        return treemap;
    }

    FieldWeightsPane fields() {
        return fields;
    }

    ListView<Finding> findingsList() {
        return findings;
    }

    private VBox header() {
        summary.textProperty().bind(model.statusProperty());
        summary.setId("payload-summary");
        notes.textProperty().bind(model.errorProperty());
        notes.setWrapText(true);
        notes.setStyle("-fx-text-fill: #b9770e;");
        BusyBar busy = new BusyBar(48, model.busyProperty());
        search.setPromptText("Search keys and values");
        search.setId("payload-search");
        search.setOnAction(e -> find(true));
        search.setPrefColumnCount(14);
        search.setMinWidth(90);
        Button prev = button(Feather.CHEVRON_UP, "Previous match (Shift+Enter)", () -> find(false));
        Button next = button(Feather.CHEVRON_DOWN, "Next match (Enter)", () -> find(true));
        Button copyValue = button(Feather.COPY, "Copy the selected node's JSON", () -> copy(false));
        Button copyPointer = button(Feather.HASH, "Copy the selected node's JSON pointer", () -> copy(true));
        Button export = button(Feather.DOWNLOAD, "Export the selected node (or the whole message) to a file", this::export);
        search.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && e.isShiftDown()) {
                find(false);
                e.consume();
            }
        });
        HBox bar = new HBox(6, summary, busy, spacer(), search, prev, next, copyValue, copyPointer, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(4, bar, notes);
        top.setPadding(new Insets(6));
        return top;
    }

    private SplitPane body() {
        blocks.setCellFactory(l -> new BlockCell());
        blocks.setId("payload-blocks");
        blocks.getSelectionModel().selectedItemProperty().addListener((o, old, b) -> blockSelected(b));
        findings.setCellFactory(l -> new FindingCell());
        findings.setItems(model.findings());
        // selecting a finding (click or keyboard) jumps to its node; a click on the selected one jumps again
        findings.getSelectionModel().selectedItemProperty().addListener((o, old, f) -> jumpTo(f));
        findings.setOnMouseClicked(e -> jumpTo(findings.getSelectionModel().getSelectedItem()));
        findings.setId("payload-findings");
        // the hidden tabs get their content when first selected: a tab pane styles its hidden tabs
        // too, and their skins (a text area, a treemap, a table) lengthened the window's first frame
        Tab fieldsTab = new Tab("Fields");
        fieldsTab.setTooltip(new Tooltip("Where a list's tokens go: its items aggregated by field"));
        tabs.getTabs().setAll(new Tab("Tree", tree), new Tab("Raw"), new Tab("Treemap"), fieldsTab);
        tabs.getTabs().forEach(t -> t.setClosable(false));
        javafx.scene.Node[] contents = {tree, raw, treemap, fields};
        tabs.getSelectionModel().selectedIndexProperty().addListener((o, old, i) -> {
            if (i.intValue() >= 0 && tabs.getTabs().get(i.intValue()).getContent() == null) {
                tabs.getTabs().get(i.intValue()).setContent(contents[i.intValue()]);
            }
            if (i.intValue() == 1) showRawOfSelection();
            if (i.intValue() == 2) refreshTreemap();
            if (i.intValue() == 3) model.listFields(model.selectedProperty().get(), fields::show);
        });
        detail.setPadding(new Insets(6));
        side = new SplitPane(titled("Content blocks", blocks), titled("Findings", findings),
                titled("Selected value", new javafx.scene.control.ScrollPane(detail)));
        side.setOrientation(Orientation.VERTICAL);
        side.setDividerPositions(0.3, 0.6);
        side.getItems().forEach(n -> ((BorderPane) n).setMinHeight(60));
        sideSlot.getChildren().setAll(side);
        tabsSlot.getChildren().setAll(tabs);
        SplitPane main = new SplitPane(sideSlot, tabsSlot);
        main.setDividerPositions(0.28);
        return main;
    }

    /**
     * Call before the view is put in a scene: its first frame then shows only the header and an
     * empty body, the side panels come in the next frame, the tabs in the one after and the tree
     * table (the costliest part) last. Shown whole, a new window styled and laid out all of it in
     * {@code Stage.show}, 80-120 ms of FX-thread work in one frame.
     */
    public void attachInSteps() {
        sideSlot.getChildren().clear();
        Label opening = new Label("Opening…");
        tabsSlot.getChildren().setAll(opening);
        tabs.getTabs().get(0).setContent(null);
        sceneProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends javafx.scene.Scene> o,
                                javafx.scene.Scene old, javafx.scene.Scene scene) {
                if (scene == null) return;
                sceneProperty().removeListener(this);
                Frames.afterNextLayout(PayloadView.this, () -> {
                    sideSlot.getChildren().setAll(side);
                    Frames.afterNextLayout(PayloadView.this, () -> {
                        tabsSlot.getChildren().setAll(tabs);
                        Frames.afterNextLayout(PayloadView.this, () -> {
                            if (tabs.getTabs().get(0).getContent() == null) tabs.getTabs().get(0).setContent(tree);
                        });
                    });
                });
            }
        });
    }

    private void showPayload(Payload p) {
        if (p == null) return;
        blocks.getItems().setAll(p.blocks());
        markFindings(); // before the rows exist, so their cells are built once, already marked
        // the tree's rows get a frame of their own, after the one that lays out the content blocks:
        // together they made the longest frame of a payload's arrival
        Frames.afterNextLayout(this, () -> {
            if (model.payloadProperty().get() != p) return;
            tree.setRoots(model.roots());
        });
        if (!p.parsed()) {
            raw.showBytes(p.rawPreview(), String.join(" ", p.notes()));
            tabs.getSelectionModel().select(1);
        }
    }

    private void markFindings() {
        List<NodeRef> flagged = new ArrayList<>();
        for (Finding f : model.findings()) model.nodeOf(f).ifPresent(flagged::add);
        tree.setFlagged(flagged);
    }

    private void blockSelected(ContentBlock b) {
        if (b == null || model.payloadProperty().get() == null) return;
        Payload p = model.payloadProperty().get();
        if (b.json() != null) {
            tree.reveal(NodeRef.of(b.json(), 0, b.bodyPointer()));
        } else if (b.mirrorsStructuredContent()) {
            // the text's JSON is structuredContent's, read once: show it there
            tree.reveal(NodeRef.of(p.message(), p.structuredContent(), ""));
        } else if (b.text() != null) {
            raw.showText(b.text());
            tabs.getSelectionModel().select(1);
        } else if (b.bodyNode() >= 0) {
            // the block's nodes are known: resolving its pointer stepped over every block before it
            JsonIndex message = p.message();
            tree.reveal(NodeRef.of(message, b.bodyNode(), ""));
            // a long text or binary block is read as far as the page shows, never decoded whole here
            if ("text".equals(b.detectedFormat())) {
                raw.showText(message.stringHead(b.bodyNode(), RawPager.PAGE), b.bytes());
                tabs.getSelectionModel().select(1);
            } else if ("binary".equals(b.detectedFormat())) {
                raw.showBytes(message.stringHead(b.bodyNode(), RawPager.PAGE).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                        String.join(" ", b.notes()));
            }
        } else {
            tree.reveal(NodeRef.of(p.message(), b.node(), ""));
        }
    }

    private void nodeSelected(NodeRef ref) {
        model.select(ref);
        if (ref.isRange()) return;
        if (tabs.getSelectionModel().getSelectedIndex() == 1) raw.show(ref);
        Finding f = findingAt(ref);
        detail.getChildren().setAll(EvidenceText.render(ref.tree().preview(ref.node(), 4000), f == null ? "" : f.evidence(), f != null));
    }

    private Finding findingAt(NodeRef ref) {
        for (Finding f : model.findings()) {
            var n = model.nodeOf(f);
            if (n.isPresent() && n.get().tree() == ref.tree() && n.get().node() == ref.node()) return f;
        }
        return null;
    }

    /** Selects the node a finding points to, expanding its path. */
    public boolean jumpTo(Finding f) {
        if (f == null) return false;
        tabs.getSelectionModel().select(0);
        return model.nodeOf(f).map(tree::reveal).orElse(false);
    }

    private void find(boolean forward) {
        model.search(search.getText(), forward, hit -> {
            if (hit != null) tree.reveal(hit);
        });
    }

    private void copy(boolean pointer) {
        NodeRef r = model.selectedProperty().get();
        if (r == null || r.isRange()) return;
        ClipboardContent c = new ClipboardContent();
        c.putString(pointer ? r.pointer() : r.tree().bytes(r.node()) > RawPager.PAGE * 16L
                ? r.tree().rawSlice(r.node(), 0, RawPager.PAGE * 16) : r.tree().rawText(r.node()));
        Clipboard.getSystemClipboard().setContent(c);
    }

    private void export() {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName("payload.json");
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) model.export(model.selectedProperty().get(), file.toPath());
    }

    private void drillInto(NodeRef ref) {
        tree.reveal(ref);
        if (ref.tree().childCount(ref.node()) > 0) model.treemap(ref, treemap::show);
    }

    /** Raw text is laid out only when its tab is shown: a page of text is costly to lay out. */
    private void showRawOfSelection() {
        NodeRef r = model.selectedProperty().get();
        if (r != null && !r.isRange()) raw.show(r);
        else if (r == null && !model.roots().isEmpty()) raw.show(model.roots().get(0));
    }

    private void refreshTreemap() {
        NodeRef r = model.selectedProperty().get();
        if (r == null || r.isRange() || r.tree().childCount(r.node()) == 0) {
            List<NodeRef> roots = model.roots();
            if (roots.isEmpty()) return;
            r = roots.get(roots.size() - 1);
        }
        model.treemap(r, treemap::show);
    }

    /** An icon button: the payload pane is often narrow (inside a tool's result), so words would be cut. */
    private static Button button(Feather icon, String tip, Runnable action) {
        Button b = new Button(null, Icons.of(icon));
        b.setTooltip(new Tooltip(tip));
        b.setAccessibleText(tip);
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static javafx.scene.layout.Region spacer() {
        javafx.scene.layout.Region r = new javafx.scene.layout.Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    private static BorderPane titled(String title, javafx.scene.Node content) {
        Label l = new Label(title);
        l.setStyle("-fx-font-weight: bold;");
        l.setPadding(new Insets(2, 4, 2, 4));
        BorderPane p = new BorderPane(content);
        p.setTop(l);
        return p;
    }

    private static final class BlockCell extends ListCell<ContentBlock> {
        @Override
        protected void updateItem(ContentBlock b, boolean empty) {
            super.updateItem(b, empty);
            if (empty || b == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(b.title() + (b.notes().isEmpty() ? "" : "  ⚠"));
            setTooltip(b.notes().isEmpty() ? null : new Tooltip(String.join("\n", b.notes())));
        }
    }

    private static final class FindingCell extends ListCell<Finding> {
        @Override
        protected void updateItem(Finding f, boolean empty) {
            super.updateItem(f, empty);
            setText(empty || f == null ? null : "[" + f.severity().label() + "] " + f.ruleId() + " " + f.message());
        }
    }

    /** Builds the selected value's text with the finding's evidence highlighted. */
    static final class EvidenceText {
        private EvidenceText() {
        }

        static List<Text> render(String value, String evidence, boolean flagged) {
            List<Text> out = new ArrayList<>();
            int at = evidence.isEmpty() ? -1 : value.indexOf(evidence);
            if (at < 0) {
                Text t = new Text(value);
                if (flagged) t.setStyle("-fx-fill: #c0392b; -fx-font-weight: bold;");
                out.add(t);
                if (flagged && !evidence.isEmpty()) out.add(new Text("\n\nEvidence: " + evidence));
                return out;
            }
            out.add(new Text(value.substring(0, at)));
            Text hit = new Text(evidence);
            hit.setStyle("-fx-fill: #c0392b; -fx-font-weight: bold; -fx-underline: true;");
            hit.getStyleClass().add("payload-evidence");
            out.add(hit);
            out.add(new Text(value.substring(at + evidence.length())));
            return out;
        }
    }
}
