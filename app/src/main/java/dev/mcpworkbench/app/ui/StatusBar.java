package dev.mcpworkbench.app.ui;

import dev.mcpworkbench.app.ui.common.BusyBar;
import dev.mcpworkbench.app.ui.common.FxTasks;
import dev.mcpworkbench.app.ui.common.Icons;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;

/** Bottom bar: connection state, the last message, a busy indicator, and extra items. */
public final class StatusBar extends HBox {

    private final Label connection = new Label("Not connected");
    private final Label message = new Label();
    private final HBox extras = new HBox(8);

    public StatusBar() {
        setId("statusBar");
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(12);
        setPadding(new Insets(4, 12, 4, 12));
        connection.setId("connectionStatus");
        connection.setGraphic(Icons.of(Feather.CIRCLE));
        message.setId("statusMessage");
        message.getStyleClass().add("text-muted");
        message.setMinWidth(0);
        BusyBar busy = new BusyBar(48, FxTasks.shared().busyProperty());
        busy.setId("busyIndicator");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        extras.setAlignment(Pos.CENTER_RIGHT);
        // the divider separates two texts: with no message it would stand alone after the state
        Label divider = new Label("│");
        divider.visibleProperty().bind(message.textProperty().isNotEmpty());
        divider.managedProperty().bind(divider.visibleProperty());
        getChildren().addAll(connection, divider, message, grow, extras, busy);
    }

    public void setConnection(String text, Feather icon, String styleClass) {
        connection.setText(text);
        connection.setGraphic(Icons.of(icon));
        connection.getStyleClass().removeAll("state-ok", "state-error", "state-busy");
        if (styleClass != null) connection.getStyleClass().add(styleClass);
    }

    public void setMessage(String text) {
        message.setText(text);
    }

    public String message() {
        return message.getText();
    }

    public void addItem(Node node) {
        extras.getChildren().add(node);
    }
}
