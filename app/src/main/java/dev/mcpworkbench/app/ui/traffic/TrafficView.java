package dev.mcpworkbench.app.ui.traffic;

import dev.mcpworkbench.app.ui.common.Icons;
import dev.mcpworkbench.app.ui.common.ShownTableView;
import dev.mcpworkbench.app.ui.common.Json;
import dev.mcpworkbench.inspector.traffic.SecretMasker;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeSet;
import java.util.WeakHashMap;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The traffic timeline: every message sent and received (time, direction, method, size,
 * latency), stderr lines and HTTP exchanges, filterable; the selected one as pretty JSON.
 * Secrets are masked unless the user reveals them.
 */
public final class TrafficView extends VBox {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    /** Beyond this the oldest rows are dropped from the view (the capture itself keeps its own limit). */
    static final int MAX_ROWS = 50_000;
    /**
     * Beyond this many bytes of message bodies the oldest rows let go of theirs (the newest always
     * keeps it), the capture's own text limit: the rows share the capture's arrays, and a view that
     * kept every body kept every big answer of the session alive after the capture let it go. The
     * rows themselves stay (time, method, size, latency), so one big answer does not empty the table.
     */
    static final long MAX_BYTES = dev.mcpworkbench.inspector.traffic.TrafficLog.DEFAULT_MAX_TEXT_CHARS;
    /** Bytes of the bodies the rows hold, and the first row that may still hold one. */
    private long heldBytes;
    private int firstWithBody;

    private final ObservableList<TrafficRow> rows = FXCollections.observableArrayList();
    private final FilteredList<TrafficRow> shown = new FilteredList<>(rows);
    // lays out its rows only while the Traffic tab is selected: messages arrive while the user reads
    // a result in another tab, and a hidden table's new rows were laid out in that tab's frame
    private final TableView<TrafficRow> table = new ShownTableView<>(shown);
    private final ComboBox<String> direction = new ComboBox<>();
    private final ComboBox<String> method = new ComboBox<>();
    private final TextField query = new TextField();
    private final ToggleButton reveal = new ToggleButton("Reveal secrets", Icons.of(Feather.EYE));
    private final TextArea detail = new TextArea();
    private final Label count = new Label();
    private final TreeSet<String> methods = new TreeSet<>();
    private final TrafficFilter filter = new TrafficFilter(() -> rows, predicate -> {
        shown.setPredicate(predicate);
        updateCount();
    });

    public TrafficView() {
        setId("trafficView");
        direction.getItems().setAll("Both directions", "Sent", "Received");
        direction.setValue("Both directions");
        method.getItems().setAll("All methods");
        method.setValue("All methods");
        method.setId("trafficMethod");
        query.setPromptText("Filter text");
        query.setId("trafficFilter");
        reveal.setId("revealSecrets");
        reveal.setTooltip(new Tooltip("Show Authorization headers, tokens and session ids in clear"));
        Button clear = new Button("Clear", Icons.of(Feather.TRASH_2));
        clear.setOnAction(e -> clear());
        direction.valueProperty().addListener((o, a, b) -> filter.setSelectors(direction.getValue(), method.getValue()));
        method.valueProperty().addListener((o, a, b) -> filter.setSelectors(direction.getValue(), method.getValue()));
        // the text is searched in the background after a pause: a keystroke never reads the messages
        query.textProperty().addListener((o, a, b) -> {
            filter.setQuery(b);
            updateCount();
        });
        reveal.selectedProperty().addListener((o, a, b) -> {
            previews.clear();
            table.refresh();
            showDetail(table.getSelectionModel().getSelectedItem());
        });
        HBox filters = new HBox(8, direction, method, query, reveal, clear, count);
        filters.setAlignment(Pos.CENTER_LEFT);
        filters.setPadding(new Insets(8, 10, 8, 10));
        HBox.setHgrow(query, Priority.ALWAYS);
        count.getStyleClass().add("text-muted");

        table.setId("trafficTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getStyleClass().addAll(atlantafx.base.theme.Styles.DENSE, atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        table.getColumns().setAll(
                column("Time", 100, r -> TIME.format(r.time())),
                directionColumn(),
                column("Kind", 100, TrafficRow::kind),
                column("Method", 200, r -> r.method().isEmpty() && !r.id().isEmpty() ? "(id " + r.id() + ")" : r.method()),
                column("Size", 80, r -> human(r.sizeBytes())),
                column("Latency", 80, r -> r.latency() == null ? "" : r.latency().toMillis() + " ms"),
                column("Preview", 400, r -> preview(r)));
        table.setPlaceholder(new Label("No traffic yet. Connect to a server: every message it exchanges appears here."));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> showDetail(b));
        detail.setEditable(false);
        detail.setId("trafficDetail");
        detail.getStyleClass().add("mono");
        SplitPane split = new SplitPane(table, detail);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.6);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(filters, split);
        updateCount();
    }

    /** Characters of a message the preview column shows. */
    static final int PREVIEW_CHARS = 200;
    /**
     * How much of a message the preview masks: enough that a secret starting in the shown part is
     * masked whole, small enough that a cell update costs the same for a 100 MB message as for a
     * small one (cells are updated during layout passes, on the FX thread).
     */
    static final int PREVIEW_MASKED_CHARS = 16 * 1024;

    /** Past this many rows' previews kept, they are all made again as they show: a few screens of the table. */
    static final int PREVIEWS_KEPT = 1024;

    /**
     * The previews already made, by row. A cell asks for its row's preview at every layout pass that
     * touches it (rows added or let go of their body, the window resized), and masking each visible
     * row's head again took the FX thread 20-30 ms of the frame in which a 100 MB answer's check
     * ended (JFR samples, bench/big-result.sh). Weak keys: a row that left the view is not kept
     * here.
     */
    private final Map<TrafficRow, String> previews = new WeakHashMap<>();

    private String preview(TrafficRow r) {
        if (previews.size() > PREVIEWS_KEPT) previews.clear();
        return previews.computeIfAbsent(r, row -> {
            String head = row.raw().head(PREVIEW_MASKED_CHARS);
            String t = reveal.isSelected() ? head : SecretMasker.MASKING.text(head);
            t = t.replace('\n', ' ');
            return t.length() > PREVIEW_CHARS ? t.substring(0, PREVIEW_CHARS) + "…" : t;
        });
    }

    private static TableColumn<TrafficRow, String> column(String title, double width, java.util.function.Function<TrafficRow, String> value) {
        TableColumn<TrafficRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }

    private static TableColumn<TrafficRow, String> directionColumn() {
        TableColumn<TrafficRow, String> c = column("", 34, r -> r.outgoing() ? "out" : "in");
        c.setCellFactory(col -> new TableCell<>() {
            // two tooltips for all the cells (DirectionTips) and two icons per cell, made once: a
            // new tooltip per update (then one per cell) built a popup control and its CSS bridge,
            // and a new icon per update was a new node to style, each time a row came in
            private final javafx.scene.Node sent = icon(true);
            private final javafx.scene.Node received = icon(false);

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                boolean out = item.equals("out");
                javafx.scene.Node icon = out ? sent : received;
                if (getGraphic() != icon) setGraphic(icon);
                Tooltip tip = DirectionTips.of(out);
                if (getTooltip() != tip) setTooltip(tip);
            }
        });
        return c;
    }

    private static javafx.scene.Node icon(boolean out) {
        var icon = Icons.of(out ? Feather.ARROW_UP_RIGHT : Feather.ARROW_DOWN_LEFT);
        icon.getStyleClass().add(out ? "dir-out" : "dir-in");
        return icon;
    }

    /** Appends rows (on the FX thread). */
    public void add(java.util.List<TrafficRow> batch) {
        rows.addAll(batch);
        for (TrafficRow r : batch) heldBytes += r.raw().sizeBytes();
        if (rows.size() > MAX_ROWS) {
            int drop = rows.size() - MAX_ROWS;
            for (int i = 0; i < drop; i++) heldBytes -= rows.get(i).raw().sizeBytes();
            rows.remove(0, drop);
            firstWithBody = Math.max(0, firstWithBody - drop);
        }
        for (; heldBytes > MAX_BYTES && firstWithBody < rows.size() - 1; firstWithBody++) {
            TrafficRow old = rows.get(firstWithBody);
            int freed = old.letGoOfBody();
            if (freed == 0) continue;
            heldBytes -= freed;
            previews.remove(old);
            // the same row, changed: a shown table updates its cells
            rows.set(firstWithBody, old);
        }
        filter.rowsAdded(batch);
        boolean added = false;
        for (TrafficRow r : batch) added |= !r.method().isEmpty() && methods.add(r.method());
        if (added) {
            String current = method.getValue();
            method.getItems().setAll("All methods");
            method.getItems().addAll(methods);
            method.setValue(current);
        }
        updateCount();
    }

    public void clear() {
        rows.clear();
        previews.clear();
        heldBytes = 0;
        firstWithBody = 0;
        detail.clear();
        updateCount();
    }

    /** Another server came on screen: its traffic starts empty, with no filter or revealed secret left over. */
    public void reset() {
        clear();
        methods.clear();
        method.getItems().setAll("All methods");
        method.setValue("All methods");
        direction.setValue("Both directions");
        query.clear();
        reveal.setSelected(false);
    }

    private void updateCount() {
        String filtering = filter.pending() ? "  (filtering…)" : "";
        count.setText((shown.size() == rows.size() ? rows.size() + " messages" : shown.size() + " of " + rows.size()) + filtering);
    }

    /** Beyond this the detail shows the message as received, cut, instead of pretty-printed. */
    static final int DETAIL_LIMIT_CHARS = 64 * 1024;

    private void showDetail(TrafficRow r) {
        if (r == null) {
            detail.clear();
            return;
        }
        String body;
        if (r.raw().longerThan(DETAIL_LIMIT_CHARS)) {
            // decoding, parsing and pretty-printing a 100 MB message on the FX thread would freeze the window
            body = r.raw().head(DETAIL_LIMIT_CHARS) + "\n… showing the first " + DETAIL_LIMIT_CHARS / 1024 + " KB of "
                    + human(r.sizeBytes()) + "; export the traffic, or open the result's Payload tab, for all of it";
        } else if ((body = r.text()).startsWith("{") || body.startsWith("[")) {
            try {
                body = Json.pretty(Json.parse(body));
            } catch (Exception notJson) {
                // shown as received
            }
        }
        String head = r.http().isEmpty() ? "" : r.http() + "\n\n";
        String all = head + body;
        detail.setText(reveal.isSelected() ? all : SecretMasker.MASKING.text(all));
    }

    public ObservableList<TrafficRow> rows() {
        return rows;
    }

    public TableView<TrafficRow> table() {
        return table;
    }

    static String human(int bytes) {
        if (bytes < 1024) return bytes + " B";
        if (bytes < 1024 * 1024) return String.format("%.1f KB", bytes / 1024.0);
        return String.format("%.1f MB", bytes / 1024.0 / 1024.0);
    }
}
