package dev.mcpworkbench.app.ui.scanall;

import dev.mcpworkbench.app.scan.SavedConnections;
import dev.mcpworkbench.app.ui.MainWindow;
import dev.mcpworkbench.app.ui.common.FxTasks;
import dev.mcpworkbench.app.ui.common.Icons;
import dev.mcpworkbench.app.ui.connect.ConnectionViewModel;
import dev.mcpworkbench.app.ui.connect.Connector;
import dev.mcpworkbench.app.ui.connect.ProfileStore;
import dev.mcpworkbench.app.ui.connect.ProfilesSidebar;
import dev.mcpworkbench.inspector.profile.ConnectionProfile;
import dev.mcpworkbench.inspector.rules.RuleSettings;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.kordamp.ikonli.feather.Feather;

/**
 * Server › Scan all saved connections… (and the sidebar's button beside New connection): a window
 * that scans the saved connections together, as {@code scan --config --connect} does a client
 * configuration's servers. One window; opened again it comes to the front, with the connections
 * as they are saved now unless a run is going.
 */
public final class ScanAllFeature {

    private final MainWindow window;
    private final ConnectionViewModel connections;
    private final ScanAllModel model;
    private final Consumer<String> openLink;
    private Stage stage;

    public ScanAllFeature(MainWindow window, ConnectionViewModel connections, ProfilesSidebar sidebar, Connector connector,
                          ProfileStore store, Supplier<RuleSettings> settings, Consumer<String> openLink) {
        this.window = window;
        this.connections = connections;
        this.openLink = openLink;
        this.model = new ScanAllModel(connector, profiles -> {
            // the pins and accepted findings as saved now, as scan --profile reads them
            List<ConnectionProfile> saved = store.profiles().load().profiles();
            RuleSettings now = settings.get();
            return profiles.stream().map(p -> SavedConnections.context(p.name(), saved, now)).toList();
        }, FxTasks.shared(), Platform::runLater, ScanAllModel.PER_SERVER_LIMIT);
        MenuItem item = new MenuItem("Scan _all saved connections\u2026", Icons.of(Feather.LAYERS));
        item.setId("scanAllConnections");
        item.setMnemonicParsing(true);
        item.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+A"));
        item.setOnAction(e -> show());
        var items = window.serverMenu().getItems();
        // with the other saved-connection items: after New connection… and Edit connection…
        int edit = items.indexOf(items.stream().filter(i -> "editConnection".equals(i.getId())).findFirst().orElse(null));
        items.add(edit < 0 ? items.size() : edit + 1, item);
        Button button = new Button(null, Icons.of(Feather.LAYERS));
        button.setId("scanAllButton");
        button.getStyleClass().addAll("flat", "small");
        button.setTooltip(new Tooltip("Scan all saved connections (Ctrl+Shift+A)"));
        button.setOnAction(e -> show());
        sidebar.addHeaderAction(button);
        // a connection added, edited or deleted while the window is open shows there at once (not during a run)
        connections.profiles().addListener((javafx.collections.ListChangeListener<dev.mcpworkbench.app.ui.connect.ProfileFields>) c -> {
            if (stage != null && stage.isShowing()) model.setProfiles(List.copyOf(connections.profiles()));
        });
    }

    /** Opens the window (or brings it to the front). FX thread. */
    public Stage show() {
        if (!model.runningProperty().get()) model.setProfiles(List.copyOf(connections.profiles()));
        if (stage == null) {
            stage = new Stage();
            stage.initOwner(window.getScene().getWindow());
            stage.setTitle("Scan all saved connections \u2014 MCP Workbench");
            Scene scene = new Scene(new ScanAllView(model, openLink, this::connectAlone), 1240, 780);
            scene.getStylesheets().addAll(window.getScene().getStylesheets());
            // Esc stops a run, as it stops a tool call in the main window
            scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE && model.runningProperty().get()) {
                    model.cancel();
                    e.consume();
                }
            });
            stage.setScene(scene);
            stage.setMinWidth(760);
            stage.setMinHeight(480);
        }
        stage.show();
        stage.toFront();
        return stage;
    }

    /** One saved connection connected in the main window, with everything a connection asks (authorization too). */
    private void connectAlone(dev.mcpworkbench.app.ui.connect.ProfileFields profile) {
        connections.selectedProperty().set(profile);
        connections.connect(profile);
        if (window.getScene().getWindow() instanceof Stage main) main.toFront();
    }

        public ScanAllModel model() {
        return model;
    }

    /** The app is closing: a run still going is cancelled. */
    public void close() {
        model.cancel();
        if (stage != null) stage.close();
    }
}
