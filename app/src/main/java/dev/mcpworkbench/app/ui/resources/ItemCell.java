package dev.mcpworkbench.app.ui.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.app.ui.common.Invisibles;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.VBox;

/** A list row for a resource, template or prompt: its name and, muted, its URI or description. */
final class ItemCell extends ListCell<JsonNode> {

    private final Label name = new Label();
    private final Label detail = new Label();
    private final VBox box = new VBox(2, name, detail);
    private final String detailField;

    ItemCell(String detailField) {
        this.detailField = detailField;
        name.getStyleClass().add("tool-cell-name");
        detail.getStyleClass().add("tool-cell-summary");
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(JsonNode item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            return;
        }
        name.setText(Invisibles.reveal(item.path("name").asText(item.path(detailField).asText("(unnamed)"))));
        String d = item.path(detailField).asText("");
        detail.setText(Invisibles.reveal(d.strip().lines().findFirst().orElse("")));
        setGraphic(box);
    }
}
