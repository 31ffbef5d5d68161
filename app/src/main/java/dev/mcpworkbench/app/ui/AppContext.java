package dev.mcpworkbench.app.ui;

import dev.mcpworkbench.app.ui.common.FxTasks;
import dev.mcpworkbench.app.ui.common.Icons;
import dev.mcpworkbench.app.ui.common.ThemeSettings;
import dev.mcpworkbench.app.ui.findings.AnalysisFeatures;
import dev.mcpworkbench.app.ui.findings.LinkOpener;
import dev.mcpworkbench.app.ui.connect.ConnectionState;
import dev.mcpworkbench.app.ui.connect.ConnectionViewModel;
import dev.mcpworkbench.app.ui.connect.Connector;
import dev.mcpworkbench.app.ui.connect.ProfileFields;
import dev.mcpworkbench.app.ui.connect.ProfileStore;
import dev.mcpworkbench.app.ui.connect.ProfilesSidebar;
import dev.mcpworkbench.app.ui.log.LogEntry;
import dev.mcpworkbench.app.ui.log.LogView;
import dev.mcpworkbench.app.ui.traffic.TrafficRow;
import dev.mcpworkbench.app.ui.traffic.TrafficView;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import org.kordamp.ikonli.feather.Feather;

/**
 * Builds the main window and wires its parts together: profiles and connection, workspace,
 * traffic and notifications, menus and status bar. The one place that knows them all; tests build
 * the same context the app does.
 */
public final class AppContext implements AutoCloseable {

    private final MainWindow window;
    private final ConnectionViewModel connection;
    private final ProfilesSidebar sidebar;
    private final TrafficView traffic = new TrafficView();
    private final LogView log = new LogView();
    private final AnalysisFeatures analysis;

    private AppContext(ThemeSettings theme, Connector connector, ProfileStore store) {
        window = new MainWindow(theme);
        connection = new ConnectionViewModel(connector, store, FxTasks.shared(), Platform::runLater, new WorkspaceSink());
        sidebar = new ProfilesSidebar(connection);
        window.setSidebar(sidebar);
        window.addWorkspaceTab("Traffic", Feather.ACTIVITY, traffic);
        window.addWorkspaceTab("Log", Feather.BELL, log);
        log.serverLevel().valueProperty().addListener((o, a, level) -> connection.setLogLevel(level));
        addServerMenu();
        connection.stateProperty().addListener((o, a, s) -> showState(s));
        connection.errorProperty().addListener((o, a, e) -> showState(connection.stateProperty().get()));
        analysis = AnalysisFeatures.install(window, LinkOpener::open);
        analysis.followProfiles(connection, store);
        if (connector instanceof dev.mcpworkbench.app.ui.connect.CoreConnector core) core.setAuthorization(analysis::authorizationFor);
        // One connection at a time: a profile's and a lab/URL one replace each other, and Disconnect closes either.
        analysis.beforeDirectConnection(connection::disconnect);
        connection.stateProperty().addListener((o, a, s) -> {
            if (s == ConnectionState.CONNECTING) analysis.disconnect();
        });
        sidebar.alsoDisconnects(analysis.directlyConnectedProperty(), analysis::disconnect);
    }

    public static AppContext create(ThemeSettings theme, Connector connector, ProfileStore store) {
        AppContext context = new AppContext(theme, connector, store);
        context.connection.loadProfiles(context.window.status()::setMessage);
        return context;
    }

    private void addServerMenu() {
        MenuItem connect = MainWindow.item("_Connect", Feather.LOG_IN, "Shortcut+K", connection::connect);
        connect.disableProperty().bind(connection.selectedProperty().isNull());
        MenuItem disconnect = MainWindow.item("_Disconnect", Feather.LOG_OUT, "Shortcut+Shift+K", () -> {
            connection.disconnect();
            analysis.disconnect();
        });
        MenuItem add = MainWindow.item("_New connection…", Feather.PLUS, "Shortcut+N", sidebar::addProfile);
        MenuItem edit = MainWindow.item("_Edit connection…", Feather.EDIT_2, null, sidebar::editSelected);
        edit.disableProperty().bind(connection.selectedProperty().isNull());
        MenuItem refresh = MainWindow.item("_Refresh lists", Feather.REFRESH_CW, "F5", connection::refresh);
        window.serverMenu().getItems().addAll(connect, disconnect, new SeparatorMenuItem(), add, edit,
                new SeparatorMenuItem(), refresh);
        window.viewMenu().getItems().addAll(
                MainWindow.item("T_raffic", null, "Shortcut+5", () -> window.workspace().select("Traffic")),
                MainWindow.item("_Log", null, "Shortcut+6", () -> window.workspace().select("Log")));
    }

    private void showState(ConnectionState s) {
        ProfileFields p = connection.activeProperty().get();
        String name = p == null ? "" : p.name();
        switch (s) {
            case CONNECTING -> window.status().setConnection("Connecting to " + name + "…", Feather.LOADER, "state-busy");
            case CONNECTED -> window.status().setConnection("Connected: " + name, Feather.CHECK_CIRCLE, "state-ok");
            case FAILED -> window.status().setConnection("Failed: " + connection.errorProperty().get(), Feather.ALERT_CIRCLE, "state-error");
            default -> window.status().setConnection("Not connected", Feather.CIRCLE, null);
        }
    }

    private final class WorkspaceSink implements ConnectionViewModel.Sink {
        @Override
        public void connected(ProfileFields profile, Connector.Session session, ServerSnapshot snapshot) {
            window.workspace().liveProperty().set(session);
            window.showSnapshot(snapshot);
            window.status().setMessage(snapshot.serverName() + " " + snapshot.serverVersion() + " · " + snapshot.tools().size() + " tools");
        }

        @Override
        public void refreshed(ServerSnapshot snapshot) {
            window.workspace().show(snapshot);
            window.status().setMessage("Refreshed · " + snapshot.tools().size() + " tools");
        }

        @Override
        public void disconnected() {
            window.workspace().liveProperty().set(null);
        }

        @Override
        public void traffic(List<TrafficRow> rows) {
            traffic.add(rows);
        }

        @Override
        public void log(LogEntry entry) {
            log.add(entry);
        }
    }

    /** Findings, drift, lab and authorization (see docs/findings-ui.md). */
    public AnalysisFeatures analysis() {
        return analysis;
    }

    public MainWindow window() {
        return window;
    }

    public ConnectionViewModel connection() {
        return connection;
    }

    public ProfilesSidebar sidebar() {
        return sidebar;
    }

    public TrafficView traffic() {
        return traffic;
    }

    public LogView log() {
        return log;
    }

    /** After the stage is shown: a snapshot path given on the command line opens at once. */
    void started(List<String> args) {
        args.stream().filter(a -> a.endsWith(".json")).findFirst().map(Path::of).ifPresent(window::openSnapshot);
    }

    @Override
    public void close() {
        connection.disconnect();
        analysis.close();
    }
}
