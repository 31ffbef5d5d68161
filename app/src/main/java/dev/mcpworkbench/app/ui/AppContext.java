package dev.mcpworkbench.app.ui;

import dev.mcpworkbench.app.ui.auth.AuthorizationFeature;
import dev.mcpworkbench.app.ui.common.FxTasks;
import dev.mcpworkbench.app.ui.common.ThemeSettings;
import dev.mcpworkbench.app.ui.connect.ConnectionState;
import dev.mcpworkbench.app.ui.connect.ConnectionViewModel;
import dev.mcpworkbench.app.ui.connect.Connector;
import dev.mcpworkbench.app.ui.connect.CoreConnector;
import dev.mcpworkbench.app.ui.connect.ProfileFields;
import dev.mcpworkbench.app.ui.connect.ProfileStore;
import dev.mcpworkbench.app.ui.connect.ProfilesSidebar;
import dev.mcpworkbench.app.ui.findings.FindingsFeature;
import dev.mcpworkbench.app.ui.findings.LinkOpener;
import dev.mcpworkbench.app.ui.lab.LabFeature;
import dev.mcpworkbench.app.ui.log.LogView;
import dev.mcpworkbench.app.ui.session.ActiveSession;
import dev.mcpworkbench.app.ui.session.SessionSource;
import dev.mcpworkbench.app.ui.session.TypedUrlDoor;
import dev.mcpworkbench.app.ui.traffic.TrafficView;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import org.kordamp.ikonli.feather.Feather;

/**
 * Builds the main window and wires its parts together around the one {@link ActiveSession}:
 * profiles and connection, workspace, traffic and log, findings, drift, authorization, the lab
 * and typed URLs, menus and status bar. The one place that knows them all; tests build the same
 * context the app does.
 */
public final class AppContext implements AutoCloseable {

    private final MainWindow window;
    private final ExecutorService io = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("workbench-analysis-", 0).factory());
    private final TrafficView traffic = new TrafficView();
    private final LogView log = new LogView();
    private final ActiveSession session;
    private final ConnectionViewModel connection;
    private final ProfilesSidebar sidebar;
    private final FindingsFeature findings;
    private final AuthorizationFeature authorization;
    private final LabFeature lab;
    private final TypedUrlDoor typedUrls;
    private final dev.mcpworkbench.app.ui.clientconfig.ClientConfigMenu clientConfigs;
    private final dev.mcpworkbench.app.ui.scanall.ScanAllFeature scanAll;

    private AppContext(ThemeSettings theme, Connector connector, ProfileStore store) {
        window = new MainWindow(theme);
        session = new ActiveSession(window, traffic, log);
        connection = new ConnectionViewModel(connector, store, FxTasks.shared(), Platform::runLater, session);
        session.attach(connection);
        sidebar = new ProfilesSidebar(connection);
        window.setSidebar(sidebar);
        window.addWorkspaceTab("Traffic", Feather.ACTIVITY, traffic);
        window.addWorkspaceTab("Log", Feather.BELL, log);
        log.serverLevel().valueProperty().addListener((o, a, level) -> connection.setLogLevel(level));
        addServerMenu();
        connection.stateProperty().addListener((o, a, s) -> showState(s));
        connection.errorProperty().addListener((o, a, e) -> showState(connection.stateProperty().get()));
        findings = new FindingsFeature(window, session, io, LinkOpener::open);
        findings.followProfiles(connection, store);
        authorization = new AuthorizationFeature(window);
        authorization.followProfiles(javafx.beans.binding.Bindings.createStringBinding(
                () -> connection.selectedProperty().get() == null ? null : connection.selectedProperty().get().name(),
                connection.selectedProperty()), store.profiles(), io);
        session.onBegin(source -> {
            authorization.clear();
            authorization.onScreen(source instanceof SessionSource.Saved saved ? saved.name() : null);
            window.workspace().tools().list().searchField().clear();
            dev.mcpworkbench.app.ui.payload.PayloadWindow.closeAll();
        });
        if (connector instanceof CoreConnector core) {
            core.setAuthorization(authorization::authorizationFor);
            core.setHttpOptions(authorization::connectOptions);
        }
        connection.stateProperty().addListener((o, a, s) -> {
            if (s == ConnectionState.CONNECTED) authorization.connected();
        });
        lab = new LabFeature(window, session, io);
        typedUrls = new TypedUrlDoor(window, session);
        clientConfigs = new dev.mcpworkbench.app.ui.clientconfig.ClientConfigMenu(window, connection);
        scanAll = new dev.mcpworkbench.app.ui.scanall.ScanAllFeature(window, connection, sidebar, connector, store,
                findings::ruleSettings, LinkOpener::open);
        // saved requests follow the server on screen: its connection's, or this run's when it has none
        session.sourceProperty().addListener((o, was, now) -> window.workspace().tools().detail().savedRequests()
                .follow(store.profiles(), session.profileName()));
    }

    public static AppContext create(ThemeSettings theme, Connector connector, ProfileStore store) {
        AppContext context = new AppContext(theme, connector, store);
        context.connection.loadProfiles(context.window.status()::setMessage);
        return context;
    }

    private void addServerMenu() {
        MenuItem connect = MainWindow.item("_Connect", Feather.LOG_IN, "Shortcut+K", connection::connect);
        connect.disableProperty().bind(connection.selectedProperty().isNull());
        MenuItem disconnect = MainWindow.item("_Disconnect", Feather.LOG_OUT, "Shortcut+Shift+K", session::disconnect);
        MenuItem add = MainWindow.item("_New connection…", Feather.PLUS, "Shortcut+N", sidebar::addProfile);
        MenuItem edit = MainWindow.item("_Edit connection…", Feather.EDIT_2, null, sidebar::editSelected);
        edit.disableProperty().bind(connection.selectedProperty().isNull());
        edit.setId("editConnection");
        MenuItem refresh = MainWindow.item("_Refresh lists", Feather.REFRESH_CW, "F5", session::refresh);
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
            case FAILED -> {
                window.status().setConnection("Failed: " + connection.errorProperty().get(), Feather.ALERT_CIRCLE, "state-error");
                SessionSource source = session.source();
                if (source != null && !connection.errorProperty().get().isEmpty()) {
                    window.status().setMessage("Cannot connect to " + source.label() + ": " + connection.errorProperty().get());
                }
            }
            default -> {
                if (session.source() == null || session.source().live()) {
                    window.status().setConnection("Not connected", Feather.CIRCLE, null);
                }
            }
        }
    }

    /** The server on screen: its source, connection, and the views that follow it. */
    public ActiveSession session() {
        return session;
    }

    /** Findings and drift of the session (see docs/findings-ui.md). */
    public FindingsFeature findings() {
        return findings;
    }

    public AuthorizationFeature authorization() {
        return authorization;
    }

    public LabFeature lab() {
        return lab;
    }

    /** File > Import connections… / Export connection… (client configuration files). */
    public dev.mcpworkbench.app.ui.clientconfig.ClientConfigMenu clientConfigs() {
        return clientConfigs;
    }

    /** Server > Scan all saved connections… (see docs/desktop.md). */
    public dev.mcpworkbench.app.ui.scanall.ScanAllFeature scanAll() {
        return scanAll;
    }

    public TypedUrlDoor typedUrls() {
        return typedUrls;
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
        args.stream().filter(a -> a.endsWith(".json")).findFirst().map(Path::of).ifPresent(session::openFile);
    }

    @Override
    public void close() {
        if (!Platform.isFxApplicationThread()) {
            Platform.runLater(this::close);
            return;
        }
        connection.disconnect();
        scanAll.close();
        findings.close();
        lab.close();
        authorization.close();
        io.shutdown();
    }
}
