package dev.mcpworkbench.app.ui.payload;

import dev.mcpworkbench.inspector.payload.NumberText;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TreeTableCell;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.geometry.Pos;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.paint.Color;

/** The node's share of the tree's tokens as a bar whose length and colour grow with the share. */
final class HeatBarCell extends TreeTableCell<NodeRef, NodeRef> {

    private final Region bar = new Region();
    private final Label text = new Label();
    private final StackPane box = new StackPane(bar, text);

    HeatBarCell() {
        StackPane.setAlignment(bar, Pos.CENTER_LEFT);
        bar.setMaxHeight(12);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    @Override
    protected void updateItem(NodeRef item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null || item.isRange()) {
            setGraphic(null);
            setText(null);
            return;
        }
        double share = item.tree().share(item.node());
        bar.setMaxWidth(Math.max(1, share * 100));
        bar.setPrefWidth(Math.max(1, share * 100));
        int hue = (int) Math.round(120 - 120 * share);
        // a Background, not an inline style: parsing a style string per update costs CSS work on the FX thread
        bar.setBackground(new Background(new BackgroundFill(Color.hsb(hue, 0.7, 0.9), null, null)));
        text.setText(NumberText.oneDecimal(share * 100) + "%");
        setText(text.getText());
        setGraphic(box);
    }
}
