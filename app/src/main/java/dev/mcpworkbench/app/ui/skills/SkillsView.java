package dev.mcpworkbench.app.ui.skills;

import dev.mcpworkbench.app.ui.common.EmptyState;
import dev.mcpworkbench.app.ui.common.Icons;
import dev.mcpworkbench.app.ui.common.Invisibles;
import dev.mcpworkbench.app.ui.common.RevealedText;
import dev.mcpworkbench.app.ui.tools.ContentBlockView;
import dev.mcpworkbench.inspector.skills.SkillEntry;
import dev.mcpworkbench.inspector.skills.SkillFile;
import dev.mcpworkbench.inspector.skills.SkillLoad;
import dev.mcpworkbench.inspector.skills.SkillViolation;
import dev.mcpworkbench.inspector.skills.VerifiedFile;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The Skills tab: the server's listed skills (name, description, files with their listed size and
 * digest) and a Load button; loading shows the verified files and the SKILL.md, or each failure.
 */
public final class SkillsView extends SplitPane {

    private final SkillsModel model;
    private final ListView<SkillEntry> list = new ListView<>();
    private final VBox detail = new VBox(10);
    private final VBox result = new VBox(8);

    public SkillsView(SkillsModel model) {
        this.model = model;
        setId("skillsView");
        list.setId("skillList");
        list.setItems(model.skills());
        list.setCellFactory(lv -> new SkillCell());
        list.setPlaceholder(new Label("No skills."));
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> show(now));
        model.loadProperty().addListener((o, was, now) -> showLoad(now));
        Label title = new Label("Skills");
        title.getStyleClass().add("pane-title");
        Label note = new Label();
        note.setId("skillsStatus");
        note.textProperty().bind(model.statusProperty());
        note.setWrapText(true);
        note.getStyleClass().add("text-muted");
        VBox left = new VBox(6, title, list, note);
        left.setPadding(new Insets(10));
        VBox.setVgrow(list, Priority.ALWAYS);
        detail.setPadding(new Insets(14, 16, 14, 16));
        ScrollPane scroll = new ScrollPane(detail);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        getItems().addAll(left, scroll);
        setDividerPositions(0.3);
        show(null);
    }

    private void show(SkillEntry skill) {
        result.getChildren().clear();
        if (skill == null) {
            detail.getChildren().setAll(new EmptyState(Feather.BOOK_OPEN, "Select a skill",
                    "Skills come from the server's skills extension. Load one to read its files, each checked against "
                            + "the listed size, digest and front matter."));
            return;
        }
        Label name = new Label(Invisibles.reveal(skill.name()));
        name.getStyleClass().add("title-3");
        Label uri = new Label(Invisibles.reveal(skill.uri()));
        uri.getStyleClass().add("text-muted");
        VBox files = new VBox(2);
        for (SkillFile f : skill.files()) {
            Label line = new Label(Invisibles.reveal(f.uri()) + "  ·  " + (f.size() < 0 ? "no size" : f.size() + " bytes")
                    + "  ·  " + (f.digest().isEmpty() ? "no digest" : f.digest()));
            line.getStyleClass().add("mono");
            files.getChildren().add(line);
        }
        if (skill.dynamicResources()) files.getChildren().add(new Label("Files listed on demand (\"resources\": \"dynamic\")."));
        Button load = new Button("Load", Icons.of(Feather.DOWNLOAD));
        load.setId("loadSkill");
        load.getStyleClass().add("accent");
        load.setOnAction(e -> model.load(skill));
        detail.getChildren().setAll(name, uri, new RevealedText(skill.description()), files, load, result);
    }

    private void showLoad(SkillLoad load) {
        if (load == null || load.entry() != list.getSelectionModel().getSelectedItem()) {
            result.getChildren().clear();
            return;
        }
        if (load.loaded()) {
            Label ok = new Label("Verified: size, sha256 digest and front matter match the listing.", Icons.of(Feather.CHECK_CIRCLE));
            ok.setId("skillVerified");
            result.getChildren().setAll(ok);
            for (VerifiedFile f : load.files()) {
                Label u = new Label(Invisibles.reveal(f.uri()) + "  ·  " + f.size() + " bytes");
                u.getStyleClass().add("text-muted");
                result.getChildren().addAll(u, ContentBlockView.text(f.text()));
            }
            return;
        }
        Label failed = new Label("Not loaded: none of this skill's content is used (DRIFT-004 in Findings).",
                Icons.of(Feather.ALERT_TRIANGLE));
        failed.setId("skillRejected");
        failed.getStyleClass().add("danger-text");
        result.getChildren().setAll(failed);
        for (SkillViolation v : load.violations()) result.getChildren().add(wrapped(v.message()));
        if (!load.notRead().isEmpty()) result.getChildren().add(wrapped("Not read: " + String.join(", ", load.notRead())));
    }

    private static Node wrapped(String text) {
        Label l = new Label(Invisibles.reveal(text));
        l.setWrapText(true);
        return l;
    }

    /** A skill row: its name and, muted, the first line of its description. */
    private static final class SkillCell extends ListCell<SkillEntry> {
        private final Label name = new Label();
        private final Label description = new Label();
        private final VBox box = new VBox(2, name, description);

        SkillCell() {
            name.getStyleClass().add("tool-cell-name");
            description.getStyleClass().add("tool-cell-summary");
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(SkillEntry item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            name.setText(Invisibles.reveal(item.name()));
            description.setText(Invisibles.reveal(item.description().strip().lines().findFirst().orElse("")));
            setGraphic(box);
        }
    }
}
