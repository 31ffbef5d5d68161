package dev.mcpworkbench.app.ui.common;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** A centred icon, title and guidance shown where there is nothing yet. */
public final class EmptyState extends VBox {

    public EmptyState(Feather icon, String title, String guidance, Node... actions) {
        super(10);
        getStyleClass().add("empty-state");
        setAlignment(Pos.CENTER);
        Label t = new Label(title);
        t.getStyleClass().add("empty-title");
        Label g = new Label(guidance);
        g.getStyleClass().add("empty-guidance");
        g.setWrapText(true);
        g.setMaxWidth(420);
        getChildren().addAll(Icons.sized(icon, 40), t, g);
        if (actions.length > 0) {
            VBox box = new VBox(8, actions);
            box.setAlignment(Pos.CENTER);
            box.setPadding(new javafx.geometry.Insets(8, 0, 0, 0));
            getChildren().add(box);
        }
    }
}
