package dev.mcpworkbench.app.ui.auth;

import dev.mcpworkbench.app.ui.findings.SeverityBadge;
import dev.mcpworkbench.oauth.check.OAuthFinding;
import dev.mcpworkbench.oauth.flow.FlowStep;
import dev.mcpworkbench.oauth.http.HttpExchange;
import dev.mcpworkbench.oauth.http.SecretMasker;
import dev.mcpworkbench.inspector.rules.Severity;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import atlantafx.base.controls.ToggleSwitch;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The authorization steps panel: one row per step as it passes (probe → PRM → AS metadata →
 * registration → authorize → callback → token → authenticated request) and, for the selected
 * step, its values, notes, HTTP exchanges (secrets masked unless revealed) and checks.
 */
public final class AuthStepsPanel extends BorderPane {

    private final AuthStepsViewModel model;
    private final ListView<StepItem> list = new ListView<>();
    private final VBox detail = new VBox(10);
    private final SequenceDiagram diagram;
    private final VBox stepIn = new VBox();
    private final VBox paste = new VBox(6);
    private boolean syncing;

    static final String STYLESHEET = AuthStepsPanel.class.getResource("/dev/mcpworkbench/app/ui/auth/auth.css").toExternalForm();

    public AuthStepsPanel(AuthStepsViewModel model) {
        this.model = model;
        getStyleClass().add("auth-steps");
        getStylesheets().addAll(SeverityBadge.STYLESHEET, STYLESHEET);
        diagram = new SequenceDiagram(model);
        paste.getStyleClass().add("paste-card");
        paste.setId("pasteRedirect");
        setTop(header());
        list.setId("authSteps");
        list.setItems(model.steps());
        list.setCellFactory(v -> new StepCell());
        list.setPrefWidth(300);
        list.setMinWidth(220);
        Label none = new Label("No authorization steps.");
        none.getStyleClass().add("muted");
        none.setWrapText(true);
        none.setPadding(new Insets(12));
        list.setPlaceholder(none);
        // A panel opened later (the authorization window) starts on the model's selection, so its
        // list does not pick a row of its own and stop the view from following the flow.
        if (model.selectedProperty().get() != null) list.getSelectionModel().select(model.selectedProperty().get());
        list.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (!syncing && item != null) model.choose(item);
        });
        model.selectedProperty().addListener((o, a, item) -> {
            syncing = true;
            list.getSelectionModel().select(item);
            syncing = false;
            showDetail(item);
        });
        model.noAuthorizationNeededProperty().addListener((o, a, b) -> showDetail(model.selectedProperty().get()));
        model.revealSecretsProperty().addListener((o, a, b) -> showDetail(model.selectedProperty().get()));
        model.steps().addListener((javafx.collections.ListChangeListener<StepItem>) c -> {
            StepItem selected = model.selectedProperty().get();
            if (selected != null && !detail.getChildren().isEmpty()) showDetail(selected);
            else if (selected == null) showDetail(null);
        });
        model.selectedExchangeProperty().addListener((o, a, b) -> showDetail(model.selectedProperty().get()));
        ScrollPane scroll = new ScrollPane(detail);
        scroll.setFitToWidth(true);
        detail.setPadding(new Insets(12));
        ScrollPane diagramScroll = new ScrollPane(diagram);
        diagramScroll.setId("sequenceScroll");
        diagramScroll.getStyleClass().add("sequence-scroll");
        SplitPane right = new SplitPane(diagramScroll, scroll);
        right.setOrientation(javafx.geometry.Orientation.VERTICAL);
        right.setDividerPositions(0.62);
        diagramScroll.viewportBoundsProperty().addListener((o, a, b) -> diagram.fitTo(b.getWidth()));
        VBox.setVgrow(right, Priority.ALWAYS);
        VBox rightSide = new VBox(8, stepIn, paste, right);
        rightSide.setPadding(new Insets(0, 0, 0, 0));
        stepIn.managedProperty().bind(stepIn.visibleProperty());
        paste.managedProperty().bind(paste.visibleProperty());
        model.pendingRequestProperty().addListener((o, a, p) -> showPending(p));
        model.awaitingRedirectProperty().addListener((o, a, url) -> showPaste(url));
        showPending(model.pendingRequestProperty().get());
        showPaste(model.awaitingRedirectProperty().get());
        SplitPane split = new SplitPane(list, rightSide);
        split.setDividerPositions(0.2);
        setCenter(split);
        showDetail(null);
    }

    /** The sequence diagram, for tests and screenshots. */
    public SequenceDiagram diagram() {
        return diagram;
    }

    private void showPending(PendingRequest pending) {
        stepIn.getChildren().clear();
        stepIn.setVisible(pending != null);
        if (pending != null) stepIn.getChildren().add(new RequestEditor(pending, () -> model.decided(pending)));
    }

    private void showPaste(java.net.URI url) {
        paste.getChildren().clear();
        paste.setVisible(url != null);
        if (url == null) return;
        Label title = new Label("Waiting for the browser. Authorize there, or open this URL anywhere and paste here the URL it was redirected to.");
        title.setWrapText(true);
        Button open = new Button("Open in browser", new FontIcon(Feather.EXTERNAL_LINK));
        open.setOnAction(e -> Browsers.open(url));
        Button copy = new Button("Copy URL", new FontIcon(Feather.COPY));
        copy.setId("copyAuthorizationUrl");
        copy.setOnAction(e -> Clipboards.copy(url.toString()));
        TextField redirect = new TextField();
        redirect.setId("pastedRedirect");
        redirect.setPromptText("Paste the redirect URL here (http://127.0.0.1:…/callback?code=…&state=…)");
        HBox.setHgrow(redirect, Priority.ALWAYS);
        Label error = new Label();
        error.getStyleClass().add("auth-step-failed");
        Button use = new Button("Use");
        use.setId("usePastedRedirect");
        use.setOnAction(e -> {
            try {
                model.commands().pasteRedirect(redirect.getText());
                error.setText("");
            } catch (IllegalArgumentException bad) {
                error.setText(bad.getMessage());
            }
        });
        HBox row = new HBox(8, open, copy, redirect, use);
        row.setAlignment(Pos.CENTER_LEFT);
        paste.getChildren().addAll(title, row, error);
    }

    private VBox header() {
        Label title = new Label("Authorization");
        title.getStyleClass().add("auth-title");
        Label summary = new Label();
        summary.setId("authSummary");
        summary.getStyleClass().add("muted");
        summary.textProperty().bind(model.summaryProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ToggleSwitch reveal = new ToggleSwitch("Reveal secrets");
        reveal.setId("revealSecrets");
        reveal.selectedProperty().bindBidirectional(model.revealSecretsProperty());
        ToggleSwitch stepThrough = new ToggleSwitch("Step through");
        stepThrough.setId("stepThrough");
        stepThrough.selectedProperty().bindBidirectional(model.stepThroughProperty());
        stepThrough.setTooltip(new javafx.scene.control.Tooltip("Hold each request of the next flow for review and editing before it is sent"));
        Label client = new Label();
        client.getStyleClass().add("muted");
        client.textProperty().bind(model.clientSummaryProperty());
        Button clientButton = new Button("Client…", new FontIcon(Feather.USER));
        clientButton.setId("editClient");
        clientButton.setOnAction(e -> {
            model.commands().editClient(getScene() == null ? null : getScene().getWindow());
            model.clientSummaryProperty().set(model.commands().clientSummary());
        });
        Button probes = new Button("Probes…", new FontIcon(Feather.CROSSHAIR));
        probes.setId("openProbes");
        probes.setTooltip(new javafx.scene.control.Tooltip("Run active probes against the authorization server of this connection"));
        probes.setOnAction(e -> model.commands().openProbes(getScene() == null ? null : getScene().getWindow()));
        Button cimd = new Button("CIMD workshop…", new FontIcon(Feather.FILE_TEXT));
        cimd.setId("openCimdWorkshop");
        cimd.setOnAction(e -> model.commands().openCimdWorkshop(getScene() == null ? null : getScene().getWindow()));
        Button export = new Button("Export HAR…", new FontIcon(Feather.DOWNLOAD));
        export.setId("exportHar");
        export.setOnAction(e -> exportHar());
        HBox first = new HBox(14, title, summary);
        first.setAlignment(Pos.BASELINE_LEFT);
        HBox second = new HBox(10, clientButton, client, spacer, probes, cimd, export, stepThrough, reveal);
        second.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, first, second);
        box.setPadding(new Insets(10, 14, 10, 14));
        return box;
    }

    private void exportHar() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Export the flow as HAR");
        chooser.setInitialFileName("authorization.har");
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("HTTP Archive", "*.har"));
        java.io.File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file == null) return;
        // the file is written off the FX thread: a slow disk or network share must not freeze the window
        dev.mcpworkbench.app.ui.common.FxTasks.shared().run("Exporting the flow", java.time.Duration.ofSeconds(30), () -> {
            model.commands().exportHar(file.toPath());
            return file;
        }, written -> { }, e -> new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR,
                "Cannot write " + file + ": " + dev.mcpworkbench.app.ui.common.FxTasks.message(e)).show());
    }

    private void showDetail(StepItem item) {
        detail.getChildren().clear();
        if (item == null || item.isPending()) {
            Label hint = new Label(item == null && model.noAuthorizationNeededProperty().get()
                    ? "The server answered without asking for a token. If it later answers 401 (or 403), each "
                    + "authorization step appears here as it passes."
                    : item == null ? "When a server answers 401, each authorization step appears here as it passes."
                    : item.kind().title() + " has not run yet.");
            hint.setWrapText(true);
            hint.getStyleClass().add("muted");
            detail.getChildren().add(hint);
            return;
        }
        FlowStep step = item.step();
        boolean reveal = model.revealSecretsProperty().get();
        Label title = new Label(step.kind().title() + " · " + item.state());
        title.getStyleClass().addAll("detail-title", "auth-step-" + item.state());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button replay = new Button("Run again from here", new FontIcon(Feather.REFRESH_CW));
        replay.setId("replayFromHere");
        replay.setTooltip(new javafx.scene.control.Tooltip("Runs the whole authorization again (new trace); with Step through on, "
                + "your edits are applied before this step and offered again from it on"));
        replay.setOnAction(e -> model.commands().replay(item));
        HBox titleRow = new HBox(10, title, gap, replay);
        titleRow.setAlignment(Pos.CENTER_LEFT);
        detail.getChildren().add(titleRow);
        if (step.kind() == dev.mcpworkbench.oauth.flow.StepKind.AUTHORIZATION_REQUEST && step.inputs().containsKey("authorization_url")) {
            java.net.URI url = java.net.URI.create(step.inputs().get("authorization_url"));
            Button open = new Button("Open in browser", new FontIcon(Feather.EXTERNAL_LINK));
            open.setOnAction(e -> Browsers.open(url));
            Button copy = new Button("Copy URL", new FontIcon(Feather.COPY));
            copy.setOnAction(e -> Clipboards.copy(url.toString()));
            detail.getChildren().add(new HBox(8, open, copy));
        }
        if (step.error() != null) detail.getChildren().add(wrapped(step.error(), "suppressed-banner"));
        addValues("Inputs", step.inputs(), reveal);
        addValues("Outputs", step.outputs(), reveal);
        if (TokenStepReviews.shows(step)) {
            TokenStepReviews.of(model.trace().steps(), step).ifPresent(review -> {
                detail.getChildren().add(section("Tokens"));
                detail.getChildren().add(new DecodedTokensView(review, reveal, java.time.Instant::now));
            });
        }
        if (!step.notes().isEmpty()) {
            detail.getChildren().add(section("Notes"));
            step.notes().forEach(n -> detail.getChildren().add(wrapped("• " + n, "detail-body")));
        }
        if (!step.findings().isEmpty()) {
            detail.getChildren().add(section("Checks"));
            step.findings().forEach(f -> detail.getChildren().add(findingRow(f)));
        }
        int n = 0;
        int chosen = model.selectedExchangeProperty().get();
        for (HttpExchange exchange : step.exchanges()) {
            TitledPane pane = exchangePane(exchange, ++n, reveal);
            if (chosen >= 0) pane.setExpanded(chosen == n - 1);
            detail.getChildren().add(pane);
        }
    }

    private void addValues(String heading, Map<String, String> values, boolean reveal) {
        if (values.isEmpty()) return;
        detail.getChildren().add(section(heading));
        values.forEach((k, v) -> detail.getChildren().add(copyableValue(k, v, reveal ? v : SecretMasker.maskUrl(v))));
    }

    /** A name, its value in a selectable field, and a button that copies the value (the raw one: copying is deliberate). */
    static Node copyableValue(String name, String raw, String shown) {
        Label label = new Label(name);
        label.getStyleClass().add("value-name");
        label.setMinWidth(170);
        label.setPrefWidth(170);
        TextField value = new TextField(shown);
        value.setEditable(false);
        value.getStyleClass().add("copy-field");
        HBox.setHgrow(value, Priority.ALWAYS);
        Button copy = new Button(null, new FontIcon(Feather.COPY));
        copy.getStyleClass().addAll("flat", "copy-button");
        copy.setTooltip(new javafx.scene.control.Tooltip("Copy " + name));
        copy.setOnAction(e -> Clipboards.copy(raw));
        HBox row = new HBox(6, label, value, copy);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static Node findingRow(OAuthFinding f) {
        Severity severity = Severity.parse(f.verdict().severityName());
        Label rule = new Label(f.ruleId());
        rule.getStyleClass().add("mono");
        Label message = wrapped(f.message() + (f.evidence().isEmpty() ? "" : "  (" + f.evidence() + ")"), "detail-body");
        HBox.setHgrow(message, Priority.ALWAYS);
        HBox row = new HBox(8, new SeverityBadge(severity), rule, message);
        row.setAlignment(Pos.TOP_LEFT);
        return row;
    }

    private static TitledPane exchangePane(HttpExchange exchange, int index, boolean reveal) {
        String transcript = renderPretty(exchange, reveal);
        TextArea text = new TextArea(transcript);
        text.setEditable(false);
        text.setWrapText(true);
        text.getStyleClass().add("mono");
        text.setPrefRowCount(Math.min(24, 4 + (int) transcript.lines().count()));
        Button copyUrl = new Button("Copy URL", new FontIcon(Feather.LINK));
        copyUrl.setOnAction(e -> Clipboards.copy(exchange.uri().toString()));
        Button copyAll = new Button("Copy exchange", new FontIcon(Feather.COPY));
        copyAll.setOnAction(e -> Clipboards.copy(renderPretty(exchange, reveal)));
        Button copyBody = new Button("Copy response body", new FontIcon(Feather.FILE_TEXT));
        copyBody.setOnAction(e -> Clipboards.copy(exchange.responseBody()));
        copyBody.setDisable(exchange.responseBody().isEmpty());
        for (Button b : java.util.List.of(copyUrl, copyAll, copyBody)) b.getStyleClass().add("small");
        VBox content = new VBox(6, new HBox(6, copyUrl, copyAll, copyBody), text);
        String status = exchange.answered() ? String.valueOf(exchange.status()) : "no response";
        TitledPane pane = new TitledPane(index + ". " + exchange.method() + " "
                + (reveal ? exchange.uri().toString() : SecretMasker.maskUrl(exchange.uri().toString())) + " → " + status, content);
        pane.setId("exchange-" + index);
        pane.setExpanded(index == 1 || !exchange.answered() || exchange.status() >= 400);
        return pane;
    }

    /** The exchange's transcript with JSON bodies pretty-printed (the recorded bytes are unchanged). */
    static String renderPretty(HttpExchange exchange, boolean reveal) {
        String text = exchange.render(reveal);
        return prettyJsonBlocks(text, exchange.requestBody(), reveal)
                .transform(t -> prettyJsonBlocks(t, exchange.responseBody(), reveal));
    }

    private static String prettyJsonBlocks(String text, String raw, boolean reveal) {
        if (raw == null || raw.isBlank()) return text;
        String shown = reveal ? raw : SecretMasker.maskBody(raw);
        String pretty = RequestEditor.pretty(shown);
        return pretty.equals(shown) ? text : text.replace(shown, pretty);
    }

    private static Label section(String text) {
        Label label = new Label(text.toUpperCase(Locale.ROOT));
        label.getStyleClass().add("detail-section");
        return label;
    }

    private static Label wrapped(String text, String styleClass) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add(styleClass);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private static final class StepCell extends ListCell<StepItem> {
        @Override
        protected void updateItem(StepItem item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            FontIcon icon = new FontIcon(switch (item.state()) {
                case "passed" -> Feather.CHECK_CIRCLE;
                case "failed" -> Feather.X_CIRCLE;
                case "running" -> Feather.LOADER;
                case "skipped" -> Feather.SKIP_FORWARD;
                default -> Feather.CIRCLE;
            });
            icon.getStyleClass().add("auth-step-" + item.state());
            Label name = new Label(item.kind().title());
            if (item.isPending()) name.getStyleClass().add("muted");
            VBox text = new VBox(2, name);
            if (!item.isPending()) {
                int findings = item.step().findings().size();
                int count = item.step().exchanges().size();
                Label meta = new Label(count + (count == 1 ? " exchange" : " exchanges")
                        + (findings == 0 ? "" : " · " + findings + (findings == 1 ? " finding" : " findings")));
                meta.getStyleClass().add("muted");
                text.getChildren().add(meta);
            }
            HBox row = new HBox(10, icon, text);
            row.setAlignment(Pos.CENTER_LEFT);
            setGraphic(row);
            setText(null);
        }
    }
}
