package dev.mcpworkbench.app.ui.log;

import dev.mcpworkbench.app.ui.common.Icons;
import dev.mcpworkbench.app.ui.common.Invisibles;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The server's notifications: logging messages (with a level the user sets on the server),
 * list_changed, resource updates and progress, newest last.
 */
public final class LogView extends VBox {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    static final int MAX_ENTRIES = 20_000;
    public static final String[] LEVELS = {"debug", "info", "notice", "warning", "error", "critical", "alert", "emergency"};

    private final ObservableList<LogEntry> entries = FXCollections.observableArrayList();
    private final FilteredList<LogEntry> shown = new FilteredList<>(entries);
    private final TableView<LogEntry> table = new TableView<>(shown);
    private final ComboBox<String> serverLevel = new ComboBox<>();
    private final TextField filter = new TextField();

    public LogView() {
        setId("logView");
        serverLevel.getItems().setAll(LEVELS);
        serverLevel.setPromptText("Server log level");
        serverLevel.setId("serverLogLevel");
        filter.setPromptText("Filter");
        filter.textProperty().addListener((o, a, b) -> {
            String q = b == null ? "" : b.toLowerCase(Locale.ROOT);
            shown.setPredicate(e -> q.isEmpty() || (e.level() + " " + e.source() + " " + e.message()).toLowerCase(Locale.ROOT).contains(q));
        });
        Button clear = new Button("Clear", Icons.of(Feather.TRASH_2));
        clear.setOnAction(e -> entries.clear());
        Label levelLabel = new Label("Server log level");
        HBox bar = new HBox(8, filter, levelLabel, serverLevel, clear);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 10, 8, 10));
        HBox.setHgrow(filter, Priority.ALWAYS);
        table.setId("logTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getStyleClass().addAll(atlantafx.base.theme.Styles.DENSE, atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        TableColumn<LogEntry, String> time = column("Time", 100, e -> TIME.format(e.time()));
        TableColumn<LogEntry, String> level = column("Level", 90, LogEntry::level);
        level.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().removeAll("log-level-error", "log-level-warning");
                if (!empty && item != null) {
                    if (item.matches("error|critical|alert|emergency")) getStyleClass().add("log-level-error");
                    else if (item.equals("warning")) getStyleClass().add("log-level-warning");
                }
            }
        });
        table.getColumns().setAll(time, level, column("Source", 180, LogEntry::source),
                column("Message", 600, e -> Invisibles.reveal(e.message())));
        table.setPlaceholder(new Label("No notifications yet. Log messages, list changes and progress from the server appear here."));
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(bar, table);
    }

    private static TableColumn<LogEntry, String> column(String title, double width, java.util.function.Function<LogEntry, String> value) {
        TableColumn<LogEntry, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        return c;
    }

    /** On the FX thread. */
    public void add(LogEntry entry) {
        entries.add(entry);
        if (entries.size() > MAX_ENTRIES) entries.remove(0, entries.size() - MAX_ENTRIES);
        if (table.getSelectionModel().isEmpty()) table.scrollTo(entries.size() - 1);
    }

    /** Another server came on screen: no entry or filter of the previous one stays. */
    public void reset() {
        entries.clear();
        filter.clear();
        serverLevel.setValue(null);
    }

    public ObservableList<LogEntry> entries() {
        return entries;
    }

    /** The level chosen for logging/setLevel; the connection wiring listens to it. */
    public ComboBox<String> serverLevel() {
        return serverLevel;
    }
}
