package dev.mcpworkbench.app.ui.lab;

import dev.mcpworkbench.app.ui.findings.SeverityBadge;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The first screen (no profile selected): offers the demo lab. One click starts the flawed server
 * or its secure twin in-process and connects to it.
 */
public final class LabWelcomePane extends VBox {

    public LabWelcomePane(LabViewModel model) {
        getStyleClass().add("lab-welcome");
        getStylesheets().add(SeverityBadge.STYLESHEET);
        Label title = new Label("Try the workbench on the demo lab");
        title.getStyleClass().add("lab-title");
        Label intro = new Label("Connect to your own server from the Server menu, or start one of these demo servers. "
                + "They run inside the app on 127.0.0.1 and stop when you close it.");
        intro.setWrapText(true);
        intro.getStyleClass().add("muted");
        HBox cards = new HBox(16, card(model, DemoServer.FLAWED, true), card(model, DemoServer.SECURE, false));
        Label status = new Label();
        status.setId("labStatus");
        status.getStyleClass().add("muted");
        status.textProperty().bind(model.statusProperty());
        Label more = new Label("The Lab menu also starts the authorization server with a chosen misbehaviour and shows every URL.");
        more.setWrapText(true);
        more.getStyleClass().add("muted");
        getChildren().setAll(title, intro, cards, status, more);
        setSpacing(14);
        setPadding(new Insets(40));
        setMaxWidth(900);
        setAlignment(Pos.TOP_LEFT);
    }

    private static VBox card(LabViewModel model, DemoServer kind, boolean primary) {
        Label name = new Label(kind.title());
        name.getStyleClass().add("lab-card-title");
        Label purpose = new Label(kind.purpose());
        purpose.setWrapText(true);
        Button start = new Button("Start and connect", new FontIcon(Feather.PLAY));
        start.setId("start-" + kind.name().toLowerCase(Locale.ROOT));
        if (primary) start.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
        start.disableProperty().bind(model.busyProperty());
        start.setOnAction(e -> model.startAndConnect(kind));
        VBox card = new VBox(10, name, purpose, start);
        card.getStyleClass().add("lab-card");
        card.setPrefWidth(420);
        HBox.setHgrow(card, Priority.ALWAYS);
        VBox.setVgrow(purpose, Priority.ALWAYS);
        return card;
    }
}
