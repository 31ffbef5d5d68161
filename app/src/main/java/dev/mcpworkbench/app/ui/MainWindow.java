package dev.mcpworkbench.app.ui;

import dev.mcpworkbench.app.ui.common.EmptyState;
import dev.mcpworkbench.app.ui.common.FxTasks;
import dev.mcpworkbench.app.ui.common.Icons;
import dev.mcpworkbench.app.ui.common.ThemeSettings;
import dev.mcpworkbench.app.ui.workspace.ServerWorkspace;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;

/**
 * The window's content: menu bar, connection sidebar, the server workspace (or the welcome
 * screen), status bar. Other parts plug in with {@link #addMenu}, {@link #addWorkspaceTab},
 * {@link #setWelcome}.
 */
public final class MainWindow extends BorderPane {

    private final ThemeSettings theme;
    private final MenuBar menuBar = new MenuBar();
    private final Menu fileMenu = new Menu("_File");
    private final Menu serverMenu = new Menu("_Server");
    private final Menu viewMenu = new Menu("_View");
    private final Menu helpMenu = new Menu("_Help");
    private final StackPane center = new StackPane();
    private final ServerWorkspace workspace = new ServerWorkspace();
    private final StatusBar status = new StatusBar();
    private Node welcome;
    private java.util.function.BiConsumer<Path, ServerSnapshot> snapshotRead = (file, s) -> {
        workspace.liveProperty().set(null);
        showSnapshot(s);
        status.setConnection("Snapshot: " + file.getFileName(), Feather.FILE, null);
        status.setMessage("Opened " + file + " · " + s.tools().size() + " tools");
    };

    public MainWindow(ThemeSettings theme) {
        this.theme = theme;
        setId("mainWindow");
        getStyleClass().add("main-window");
        buildMenus();
        menuBar.getMenus().addAll(fileMenu, serverMenu, viewMenu, helpMenu);
        menuBar.setUseSystemMenuBar(true);
        welcome = defaultWelcome();
        center.getChildren().setAll(welcome);
        Button themeToggle = new Button(null, Icons.of(theme.darkProperty().get() ? Feather.SUN : Feather.MOON));
        themeToggle.setId("themeToggle");
        themeToggle.getStyleClass().addAll("flat", "small");
        themeToggle.setTooltip(new Tooltip("Light / dark theme (Ctrl+Shift+L)"));
        themeToggle.setOnAction(e -> theme.toggle());
        theme.darkProperty().addListener((o, was, dark) -> themeToggle.setGraphic(Icons.of(dark ? Feather.SUN : Feather.MOON)));
        status.addItem(themeToggle);
        setTop(menuBar);
        setCenter(center);
        setBottom(status);
    }

    private void buildMenus() {
        MenuItem open = item("_Open snapshot…", Feather.FOLDER, "Shortcut+O", this::openSnapshotDialog);
        open.setId("openSnapshot");
        MenuItem save = item("_Save snapshot…", Feather.SAVE, "Shortcut+S", this::saveSnapshotDialog);
        save.disableProperty().bind(workspace.snapshotProperty().isNull());
        MenuItem quit = item("_Quit", Feather.LOG_OUT, "Shortcut+Q", () -> {
            Window w = getScene() == null ? null : getScene().getWindow();
            if (w != null) w.hide();
        });
        fileMenu.getItems().addAll(open, save, new SeparatorMenuItem(), quit);

        MenuItem search = item("Search _tools", Feather.SEARCH, "Shortcut+F", this::focusToolSearch);
        MenuItem toggle = item("Toggle _dark theme", Feather.MOON, "Shortcut+Shift+L", theme::toggle);
        viewMenu.getItems().addAll(search, toggle, new SeparatorMenuItem());
        for (String tab : new String[] {"Overview", "Tools", "Resources", "Prompts"}) {
            int n = viewMenu.getItems().size() - 2;
            viewMenu.getItems().add(item("_" + tab, null, "Shortcut+" + n, () -> workspace.select(tab)));
        }
        MenuItem keys = item("_Keyboard shortcuts", Feather.COMMAND, "F1", this::showShortcuts);
        helpMenu.getItems().add(keys);
    }

    static MenuItem item(String text, Feather icon, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text, icon == null ? null : Icons.of(icon));
        item.setMnemonicParsing(true);
        if (accelerator != null) item.setAccelerator(KeyCombination.keyCombination(accelerator));
        item.setOnAction(e -> action.run());
        return item;
    }

    private Node defaultWelcome() {
        Button open = new Button("Open snapshot…", Icons.of(Feather.FOLDER));
        open.setId("welcomeOpenSnapshot");
        open.setOnAction(e -> openSnapshotDialog());
        return new EmptyState(Feather.SERVER, "No server open",
                "Connect to an MCP server from the sidebar (Ctrl+K), or open a saved server snapshot (Ctrl+O).", open);
    }

    /** Adds a menu before Help (e.g. the Lab menu). */
    public void addMenu(Menu menu) {
        menuBar.getMenus().add(menuBar.getMenus().indexOf(helpMenu), menu);
    }

    /** Adds a tab to the server workspace (e.g. Findings, Drift). */
    public Tab addWorkspaceTab(String title, Feather icon, Node content) {
        return workspace.addTab(title, icon, content);
    }

    /** Replaces the screen shown while no server is open (e.g. the lab's first screen). */
    public void setWelcome(Node node) {
        boolean showing = center.getChildren().contains(welcome);
        welcome = node;
        if (showing) center.getChildren().setAll(node);
    }

    public void showWelcome() {
        center.getChildren().setAll(welcome);
    }

    public void showSnapshot(ServerSnapshot snapshot) {
        workspace.show(snapshot);
        center.getChildren().setAll(workspace);
    }

    public void openSnapshot(Path file) {
        status.setMessage("Opening " + file.getFileName() + "…");
        FxTasks.shared().run("Opening " + file.getFileName(), Duration.ofSeconds(60), () -> SnapshotJson.read(file),
                s -> snapshotRead.accept(file, s), e -> status.setMessage("Cannot open " + file.getFileName() + ": " + FxTasks.message(e)));
    }

    /** What happens once a snapshot file is read (the session closes the connection and shows it). */
    public void onSnapshotRead(java.util.function.BiConsumer<Path, ServerSnapshot> action) {
        snapshotRead = action;
    }

    private void openSnapshotDialog() {
        FileChooser chooser = snapshotChooser("Open server snapshot");
        File f = chooser.showOpenDialog(getScene().getWindow());
        if (f != null) openSnapshot(f.toPath());
    }

    private void saveSnapshotDialog() {
        ServerSnapshot s = workspace.snapshotProperty().get();
        if (s == null) return;
        FileChooser chooser = snapshotChooser("Save server snapshot");
        String base = s.serverName().isEmpty() ? "server" : s.serverName().replaceAll("[^A-Za-z0-9._-]", "_");
        chooser.setInitialFileName(base + ".json");
        File f = chooser.showSaveDialog(getScene().getWindow());
        if (f == null) return;
        FxTasks.shared().run("Saving snapshot", Duration.ofSeconds(60), () -> {
            SnapshotJson.write(s, f.toPath());
            return f;
        }, ok -> status.setMessage("Saved " + ok), e -> status.setMessage("Cannot save: " + FxTasks.message(e)));
    }

    private static FileChooser snapshotChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Server snapshots (*.json)", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        return chooser;
    }

    private void focusToolSearch() {
        if (!center.getChildren().contains(workspace)) return;
        workspace.select("Tools");
        workspace.tools().list().searchField().requestFocus();
    }

    private void showShortcuts() {
        ShortcutsDialog.show(getScene().getWindow());
    }

    /** Ctrl+Enter anywhere in the window calls the selected tool; Esc cancels a running call. */
    void installCallKeys() {
        KeyCodeCombination callKey = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
        getScene().addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (callKey.match(e) && center.getChildren().contains(workspace)) {
                workspace.select("Tools");
                workspace.tools().detail().callTool();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && workspace.tools().detail().isCalling()) {
                workspace.tools().detail().cancelCall();
                e.consume();
            }
        });
    }

    public Menu fileMenu() {
        return fileMenu;
    }

    public Menu serverMenu() {
        return serverMenu;
    }

    public Menu viewMenu() {
        return viewMenu;
    }

    public MenuBar menuBar() {
        return menuBar;
    }

    public ServerWorkspace workspace() {
        return workspace;
    }

    public StatusBar status() {
        return status;
    }

    public ThemeSettings theme() {
        return theme;
    }

    public void setSidebar(Node sidebar) {
        setLeft(sidebar);
    }
}
