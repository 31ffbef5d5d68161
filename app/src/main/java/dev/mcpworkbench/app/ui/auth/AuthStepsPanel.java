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
import javafx.scene.control.Label;
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
    private boolean syncing;

    public AuthStepsPanel(AuthStepsViewModel model) {
        this.model = model;
        getStyleClass().add("auth-steps");
        getStylesheets().add(SeverityBadge.STYLESHEET);
        setTop(header());
        list.setId("authSteps");
        list.setItems(model.steps());
        list.setCellFactory(v -> new StepCell());
        list.setPrefWidth(300);
        Label none = new Label("No authorization steps.");
        none.getStyleClass().add("muted");
        none.setWrapText(true);
        none.setPadding(new Insets(12));
        list.setPlaceholder(none);
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
        ScrollPane scroll = new ScrollPane(detail);
        scroll.setFitToWidth(true);
        detail.setPadding(new Insets(12));
        SplitPane split = new SplitPane(list, scroll);
        split.setDividerPositions(0.32);
        setCenter(split);
        showDetail(null);
    }

    private HBox header() {
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
        HBox box = new HBox(14, title, summary, spacer, reveal);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(12, 14, 10, 14));
        return box;
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
        detail.getChildren().add(title);
        if (step.error() != null) detail.getChildren().add(wrapped(step.error(), "suppressed-banner"));
        addValues("Inputs", step.inputs(), reveal);
        addValues("Outputs", step.outputs(), reveal);
        if (!step.notes().isEmpty()) {
            detail.getChildren().add(section("Notes"));
            step.notes().forEach(n -> detail.getChildren().add(wrapped("• " + n, "detail-body")));
        }
        if (!step.findings().isEmpty()) {
            detail.getChildren().add(section("Checks"));
            step.findings().forEach(f -> detail.getChildren().add(findingRow(f)));
        }
        int n = 0;
        for (HttpExchange exchange : step.exchanges()) {
            detail.getChildren().add(exchangePane(exchange, ++n, reveal));
        }
    }

    private void addValues(String heading, Map<String, String> values, boolean reveal) {
        if (values.isEmpty()) return;
        detail.getChildren().add(section(heading));
        values.forEach((k, v) -> detail.getChildren().add(
                wrapped(k + " = " + (reveal ? v : SecretMasker.maskUrl(v)), "mono")));
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
        TextArea text = new TextArea(exchange.render(reveal));
        text.setEditable(false);
        text.setWrapText(true);
        text.getStyleClass().add("mono");
        text.setPrefRowCount(Math.min(24, 4 + (int) exchange.render(reveal).lines().count()));
        String status = exchange.answered() ? String.valueOf(exchange.status()) : "no response";
        TitledPane pane = new TitledPane(index + ". " + exchange.method() + " "
                + (reveal ? exchange.uri().toString() : SecretMasker.maskUrl(exchange.uri().toString())) + " → " + status, text);
        pane.setId("exchange-" + index);
        pane.setExpanded(index == 1 || !exchange.answered() || exchange.status() >= 400);
        return pane;
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
                Label meta = new Label(item.step().exchanges().size() + " exchanges"
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
