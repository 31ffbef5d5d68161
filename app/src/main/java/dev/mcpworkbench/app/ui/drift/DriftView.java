package dev.mcpworkbench.app.ui.drift;

import dev.mcpworkbench.app.ui.common.StorageNote;
import dev.mcpworkbench.app.ui.findings.SeverityBadge;
import java.util.Locale;
import javafx.beans.Observable;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The drift screen: pin status and (re-)pin button, changed items, and a field-level diff. */
public final class DriftView extends BorderPane {

    private final DriftViewModel model;
    private final ListView<ItemChange> list = new ListView<>();
    private final VBox fields = new VBox(12);
    private final StorageNote storage;

    public DriftView(DriftViewModel model) {
        this.model = model;
        getStyleClass().add("drift-view");
        getStylesheets().add(SeverityBadge.STYLESHEET);
        setTop(header());
        list.setId("driftChanges");
        list.setItems(model.changes());
        list.setCellFactory(v -> new ChangeCell());
        list.setPlaceholder(new Label("No changes since the pin."));
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) model.selectedProperty().set(b);
        });
        model.selectedProperty().addListener((o, a, change) -> {
            showFields(change);
            if (change != null) list.getSelectionModel().select(change);
        });
        ScrollPane fieldScroll = new ScrollPane(fields);
        fieldScroll.setFitToWidth(true);
        fields.setPadding(new Insets(12));
        SplitPane split = new SplitPane(list, fieldScroll);
        split.setDividerPositions(0.3);
        setCenter(split);
        Label status = new Label();
        status.getStyleClass().add("muted");
        status.textProperty().bind(model.statusProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        storage = new StorageNote("pinStorage", "savePinAsConnection", "muted", model.storageNoteProperty());
        HBox bar = new HBox(12, status, gap, storage);
        bar.setPadding(new Insets(4, 12, 4, 12));
        setBottom(bar);
        showFields(null);
    }

    /** Where the pin is kept, with the offer to save it in a connection. */
    public StorageNote storageNote() {
        return storage;
    }

    private HBox header() {
        Label title = new Label("Drift");
        title.getStyleClass().add("drift-title");
        Label pin = new Label();
        pin.setId("pinDescription");
        pin.getStyleClass().add("muted");
        pin.textProperty().bind(model.pinDescriptionProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button pinButton = new Button("Pin baseline", new FontIcon(Feather.MAP_PIN));
        pinButton.setId("pinButton");
        pinButton.textProperty().bind(model.pinnedProperty().map(p -> p ? "Re-pin current" : "Pin baseline"));
        pinButton.disableProperty().bind(model.busyProperty());
        pinButton.setOnAction(e -> model.pinCurrent());
        HBox box = new HBox(14, title, pin, spacer, pinButton);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(12, 14, 10, 14));
        model.changes().addListener((Observable o) -> list.refresh());
        return box;
    }

    private void showFields(ItemChange change) {
        fields.getChildren().clear();
        if (change == null) {
            Label none = new Label(model.pinnedProperty().get()
                    ? "Select a change to compare the pinned and current definitions."
                    : "Nothing pinned yet. Pin the current definitions; on the next connection this screen shows what changed.");
            none.setWrapText(true);
            none.getStyleClass().add("muted");
            fields.getChildren().add(none);
            return;
        }
        Label heading = new Label(change.label());
        heading.getStyleClass().add("detail-title");
        fields.getChildren().add(heading);
        for (ItemChange.FieldChange field : change.fields()) {
            Label name = new Label(field.field().toUpperCase(Locale.ROOT));
            name.getStyleClass().add("detail-section");
            DiffArea diff = new DiffArea();
            diff.setId("diff-" + field.field());
            diff.show(field.before(), field.after());
            int lines = Math.max(field.before().split("\n").length, field.after().split("\n").length);
            diff.setPrefHeight(Math.min(320, 48 + 18.0 * Math.max(lines, Math.max(field.before().length(), field.after().length()) / 70)));
            fields.getChildren().addAll(name, diff);
        }
    }

    private static final class ChangeCell extends ListCell<ItemChange> {
        @Override
        protected void updateItem(ItemChange change, boolean empty) {
            super.updateItem(change, empty);
            if (empty || change == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label kind = new Label(switch (change.kind()) {
                case ADDED -> "+";
                case REMOVED -> "−";
                case CHANGED -> "~";
            });
            kind.getStyleClass().add("drift-change-" + change.kind().name().toLowerCase(Locale.ROOT));
            kind.setMinWidth(16);
            Label text = new Label(change.label() + (change.kind() == ItemChange.Kind.CHANGED
                    ? "  (" + change.fields().size() + (change.fields().size() == 1 ? " field)" : " fields)") : ""));
            setGraphic(new HBox(6, kind, text));
            setText(null);
        }
    }
}
