package dev.mcpworkbench.app.ui.workspace;

import dev.mcpworkbench.app.ui.common.Icons;
import dev.mcpworkbench.app.ui.overview.OverviewView;
import dev.mcpworkbench.app.ui.resources.PromptsView;
import dev.mcpworkbench.app.ui.resources.ResourcesView;
import dev.mcpworkbench.app.ui.common.FxTasks;
import dev.mcpworkbench.app.ui.skills.SkillsModel;
import dev.mcpworkbench.app.ui.skills.SkillsView;
import dev.mcpworkbench.app.ui.tools.ToolsView;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.kordamp.ikonli.feather.Feather;

/**
 * Everything about one server: Overview, Tools, Resources, Prompts, Skills, and the tabs other parts
 * add (Traffic, Log, Findings, Drift...) through {@link #addTab}.
 */
public final class ServerWorkspace extends TabPane {

    private final ReadOnlyObjectWrapper<ServerSnapshot> snapshot = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<LiveServer> live = new SimpleObjectProperty<>();
    private final OverviewView overview = new OverviewView();
    private final ToolsView tools;
    private final ResourcesView resources;
    private final PromptsView prompts;
    private final SkillsModel skills = new SkillsModel(FxTasks.shared());
    private final CompactTabHeaders headerFit = new CompactTabHeaders(this);

    public ServerWorkspace() {
        setId("workspace");
        getStyleClass().add("workspace-tabs");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        resources = new ResourcesView(live::get);
        prompts = new PromptsView(live::get);
        tools = new ToolsView(live::get, this::openResource);
        getTabs().addAll(
                tab("Overview", Feather.INFO, overview),
                tab("Tools", Feather.TOOL, tools),
                tab("Resources", Feather.FILE_TEXT, resources),
                tab("Prompts", Feather.MESSAGE_SQUARE, prompts),
                tab("Skills", Feather.BOOK_OPEN, new SkillsView(skills)));
        // listed on connect (skills/list only: no skill file is read until one is loaded)
        live.addListener((o, was, now) -> skills.follow(now));
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        headerFit.afterLayout();
    }

    /** Adds a tab after the built-in ones (Traffic, Findings, Drift...). */
    public Tab addTab(String title, Feather icon, Node content) {
        Tab t = tab(title, icon, content);
        getTabs().add(t);
        return t;
    }

    private static Tab tab(String title, Feather icon, Node content) {
        Tab t = new Tab(title, content);
        t.setGraphic(Icons.of(icon));
        t.setId("tab-" + title.toLowerCase(java.util.Locale.ROOT));
        return t;
    }

    public void show(ServerSnapshot s) {
        snapshot.set(s);
        overview.show(s);
        tools.show(s);
        resources.show(s);
        prompts.show(s);
    }

    public void select(String title) {
        getTabs().stream().filter(t -> t.getText().equals(title)).findFirst()
                .ifPresent(t -> getSelectionModel().select(t));
    }

    private void openResource(String uri) {
        select("Resources");
        resources.read(uri);
    }

    public ReadOnlyObjectProperty<ServerSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    /** The connected server, or null when the workspace shows a snapshot file. */
    public ObjectProperty<LiveServer> liveProperty() {
        return live;
    }

    public ToolsView tools() {
        return tools;
    }

    /** The Skills tab's model: where a load's findings can be followed. */
    public SkillsModel skills() {
        return skills;
    }

    public OverviewView overview() {
        return overview;
    }
}
