package dev.mcpworkbench.app.ui.auth;

import dev.mcpworkbench.oauth.probe.ActiveProbe;
import java.util.List;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The active probes of the Authorization tab: each probe with its rule, what it checks and what it
 * will send, said before anything is sent; Run asks consent for the probes that leave something
 * behind at the server (registered clients, used-up codes or refresh token); a progress bar,
 * Cancel, and the verdicts as they come.
 */
public final class ProbesPanel extends VBox {

    public ProbesPanel(ProbesViewModel model) {
        super(10);
        setPadding(new Insets(12));
        setId("probesPanel");
        getStylesheets().add(AuthStepsPanel.STYLESHEET);
        Label intro = new Label("Active probes send crafted requests to the authorization server of the connection on screen, "
                + "with its client and tokens. Nothing is sent until you press Run.");
        intro.setWrapText(true);
        VBox list = new VBox(8);
        for (ProbesViewModel.Row row : model.rows()) {
            ActiveProbe p = row.probe();
            CheckBox box = new CheckBox(p.name() + "  \u00b7  " + p.ruleId() + "  \u00b7  " + p.title());
            box.setId("probe-" + p.name());
            box.selectedProperty().bindBidirectional(row.chosen());
            Label sends = new Label("Sends: " + p.description());
            sends.setWrapText(true);
            sends.getStyleClass().add("muted");
            VBox entry = new VBox(2, box, sends);
            if (p.sideEffect() != null) {
                Label effect = new Label("Asks first: it " + p.sideEffect() + ".");
                effect.setWrapText(true);
                effect.getStyleClass().add("warning-text");
                entry.getChildren().add(effect);
            }
            entry.setPadding(new Insets(0, 0, 0, 4));
            list.getChildren().add(entry);
        }
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(300);
        Button run = new Button("Run");
        run.setId("runProbes");
        run.setDefaultButton(true);
        run.disableProperty().bind(model.runningProperty());
        run.setOnAction(e -> {
            if (consented(model.needingConsent())) model.start();
        });
        Button cancel = new Button("Cancel");
        cancel.setId("cancelProbes");
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(e -> model.cancel());
        ProgressBar bar = new ProgressBar();
        bar.setId("probeProgress");
        bar.progressProperty().bind(model.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        HBox controls = new HBox(10, run, cancel, bar);
        Label status = new Label();
        status.setId("probeStatus");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        ListView<String> results = new ListView<>(model.results());
        results.setId("probeResults");
        results.setPrefHeight(160);
        VBox.setVgrow(results, Priority.ALWAYS);
        getChildren().addAll(intro, scroll, controls, status, results);
    }

    /** Asks before probes that leave something behind; true when none does or the user agrees. */
    private boolean consented(List<ActiveProbe> changing) {
        if (changing.isEmpty()) return true;
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, changing.stream()
                .map(p -> "\u2022 " + p.name() + ": " + p.sideEffect()).collect(Collectors.joining("\n")), ButtonType.OK, ButtonType.CANCEL);
        ask.setTitle("Run active probes");
        ask.setHeaderText("These probes change state at the authorization server. Run them?");
        if (getScene() != null) ask.initOwner(getScene().getWindow());
        ask.getDialogPane().setId("probeConsent");
        return ask.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }
}
