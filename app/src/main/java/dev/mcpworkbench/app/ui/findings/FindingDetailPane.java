package dev.mcpworkbench.app.ui.findings;

import dev.mcpworkbench.app.ui.common.Frames;
import dev.mcpworkbench.app.ui.common.NextFrame;
import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.RuleMetadata;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Right-hand side of the findings screen: everything about the selected finding. */
public final class FindingDetailPane extends VBox {

    /**
     * The most of a finding's own texts (message, location, evidence, fix) a label shows: they
     * carry server text, and a label measures and wraps all of its text in the frame that shows it
     * (the rules cut their excerpts, but nothing made every rule do so). As the result pane's text
     * previews.
     */
    static final int TEXT_CHARS = 4 * 1024;

    private final HBox header = new HBox(8);
    private final Label title = new Label();
    private final Label message = wrapped("detail-message");
    private final Label location = new Label();
    private final Label suppressedBanner = wrapped("suppressed-banner");
    private final Label evidence = wrapped("evidence-text");
    private final DefinitionArea definition = new DefinitionArea();
    private final Label fix = wrapped("detail-body");
    private final Label rationale = wrapped("detail-body");
    private final FlowPane references = new FlowPane(8, 4);
    private final Button suppressButton = new Button("Suppress…", new FontIcon(Feather.EYE_OFF));
    private final Button restoreButton = new Button("Restore", new FontIcon(Feather.EYE));
    private final Button docButton = new Button("Rule page", new FontIcon(Feather.BOOK_OPEN));
    private final Label empty = new Label("Select a finding to see its evidence, the fix and why it matters.");
    private final VBox content = new VBox(10);
    private final Consumer<String> onOpenLink;
    private FindingItem shown;
    private boolean suppressing = true;
    private boolean definitionShown;

    public FindingDetailPane(Consumer<FindingItem> onSuppress, Consumer<FindingItem> onRestore,
                             Consumer<FindingItem> onOpenDoc, Consumer<String> onOpenLink) {
        this.onOpenLink = onOpenLink;
        getStyleClass().add("finding-detail");
        title.getStyleClass().add("detail-title");
        location.getStyleClass().add("detail-location");
        empty.getStyleClass().add("detail-empty");
        empty.setWrapText(true);
        for (Button b : new Button[] {suppressButton, restoreButton, docButton}) b.setMinWidth(Region.USE_PREF_SIZE);
        location.setMinWidth(0);
        suppressButton.setId("suppressButton");
        restoreButton.setId("restoreButton");
        docButton.setId("ruleDocButton");
        suppressButton.setOnAction(e -> onSuppress.accept(shown));
        restoreButton.setOnAction(e -> onRestore.accept(shown));
        docButton.setOnAction(e -> onOpenDoc.accept(shown));
        definition.setMinHeight(180);
        definition.setPrefHeight(300);
        VBox.setVgrow(definition, Priority.ALWAYS);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox actions = new HBox(8, location, spacer, docButton, restoreButton, suppressButton);
        actions.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        title.setWrapText(true);
        VBox text = new VBox(10, header, message, actions, suppressedBanner,
                section("Evidence"), evidence, section("Definition"));
        VBox below = new VBox(10, section("Fix"), fix, section("Why it matters"), rationale, references);
        ScrollPane belowScroll = new ScrollPane(below);
        belowScroll.setFitToWidth(true);
        belowScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        belowScroll.getStyleClass().add("edge-to-edge");
        belowScroll.setPrefViewportHeight(220);
        // the first finding shown lays out the detail for the first time: its text in one frame,
        // the definition (a styled text area) in the next, the fix and rationale in the one after
        NextFrame definitionPlace = new NextFrame(() -> definition);
        VBox.setVgrow(definitionPlace, Priority.ALWAYS);
        content.getChildren().setAll(text, definitionPlace, new NextFrame(() -> new NextFrame(() -> belowScroll)));
        VBox.setVgrow(content, Priority.ALWAYS);
        setPadding(new Insets(14));
        setSpacing(10);
        show(null, null);
    }

    public void show(FindingItem item, ServerSnapshot snapshot) {
        shown = item;
        if (item == null) {
            getChildren().setAll(empty);
            return;
        }
        getChildren().setAll(content);
        Finding f = item.finding();
        header.getChildren().setAll(new SeverityBadge(f.severity()), title);
        title.setText(f.ruleId() + item.ruleMetadata().map(r -> " · " + r.title()).orElse(""));
        message.setText(bounded(f.message()));
        location.setText(bounded(f.location().display()));
        suppressedBanner.setText("Suppressed: " + (item.suppressed() ? item.suppressionReason() : ""));
        setShown(suppressedBanner, item.suppressed());
        evidence.setText(f.evidence().isEmpty() ? "(the rule recorded no excerpt; see the highlight below)" : bounded(f.evidence()));
        // the definition (a styled text area) is filled in the frame after the rest: with the
        // detail's own first layout it made one long frame of the first finding selected. It is
        // hidden meanwhile, not emptied: the previous finding's definition must not show, and
        // emptying it cost that first frame a document edit and class loading (JFR)
        definition.setVisible(false);
        definitionShown = false;
        Frames.afterNextLayout(this, () -> {
            if (shown != item) return;
            DefinitionLookup.definition(snapshot, f.location()).ifPresentOrElse(
                    d -> definition.show(d, DefinitionLookup.pointerInDefinition(f.location())),
                    () -> definition.showMessage("No definition to show for " + f.location().display() + "."));
            definition.setVisible(true);
            definitionShown = true;
        });
        fix.setText(f.fix().isEmpty() ? "No fix recorded." : bounded(f.fix()));
        rationale.setText(item.ruleMetadata().map(RuleMetadata::rationale).orElse("Unknown rule " + f.ruleId() + "."));
        references.getChildren().setAll(item.ruleMetadata().map(r -> r.owaspIds().stream()
                .map(id -> (javafx.scene.Node) chip("OWASP " + id)).toList()).orElse(java.util.List.of()));
        f.links().forEach(link -> {
            Hyperlink hyperlink = new Hyperlink(linkText(link));
            hyperlink.setTooltip(new javafx.scene.control.Tooltip(link));
            hyperlink.setOnAction(e -> onOpenLink.accept(link));
            references.getChildren().add(hyperlink);
        });
        setShown(suppressButton, suppressing && !item.suppressed());
        setShown(restoreButton, suppressing && item.suppressed());
    }

    /** For findings that cannot be suppressed from where they are shown (a whole set's, in Scan all). */
    public void hideSuppressActions() {
        suppressing = false;
        setShown(suppressButton, false);
        setShown(restoreButton, false);
    }

    public DefinitionArea definitionArea() {
        return definition;
    }

    /** Whether the definition of the finding on screen is in place (it comes a frame after the rest). */
    public boolean definitionShown() {
        return definitionShown;
    }

    /** {@code text}, or its first {@link #TEXT_CHARS} characters and how many more there are. */
    static String bounded(String text) {
        if (text.length() <= TEXT_CHARS) return text;
        int end = Character.isHighSurrogate(text.charAt(TEXT_CHARS - 1)) ? TEXT_CHARS - 1 : TEXT_CHARS;
        return text.substring(0, end) + String.format(java.util.Locale.ROOT, "\u2026 (%,d more characters)", text.length() - end);
    }

    /** The text of the evidence label, for tests. */
    String evidenceText() {
        return evidence.getText();
    }

    /** Short words for a link; the full address is in its tooltip. */
    static String linkText(String url) {
        if (url.contains("/docs/rules/")) return "Rule documentation (online)";
        if (url.contains("owasp.org")) return "OWASP MCP Top 10";
        try {
            String host = java.net.URI.create(url).getHost();
            return host == null ? url : host;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    private static Label chip(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("chip");
        return label;
    }

    private static Label section(String text) {
        Label label = new Label(text.toUpperCase(java.util.Locale.ROOT));
        label.getStyleClass().add("detail-section");
        return label;
    }

    private static Label wrapped(String styleClass) {
        Label label = new Label();
        label.setWrapText(true);
        label.getStyleClass().add(styleClass);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private static void setShown(javafx.scene.Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }
}
