package dev.mcpworkbench.app.ui.connect;

import dev.mcpworkbench.app.ui.common.BusyBar;
import dev.mcpworkbench.app.ui.common.Icons;
import dev.mcpworkbench.app.ui.common.Invisibles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;

/**
 * The connection profiles: add, edit, delete, connect (double-click, Enter, Ctrl+K) and
 * disconnect, with the active one's state on its row (spinner, connected, error with its reason).
 */
public final class ProfilesSidebar extends VBox {

    private Button disconnect;


    private final ConnectionViewModel model;
    private final ListView<ProfileFields> list;

    private final HBox header;

    public ProfilesSidebar(ConnectionViewModel model) {
        this.model = model;
        setId("profilesSidebar");
        getStyleClass().add("sidebar");
        Label title = new Label("CONNECTIONS");
        title.getStyleClass().add("sidebar-title");
        Button add = new Button(null, Icons.of(Feather.PLUS));
        add.setId("addProfile");
        add.getStyleClass().addAll("flat", "small");
        add.setTooltip(new Tooltip("New connection (Ctrl+N)"));
        add.setOnAction(e -> addProfile());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        header = new HBox(6, title, grow, add);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(10, 8, 4, 12));

        list = new ListView<>(model.profiles());
        list.setId("profileList");
        list.setCellFactory(lv -> new ProfileCell());
        Button addFirst = new Button("New connection…", Icons.of(Feather.PLUS));
        addFirst.setOnAction(e -> addProfile());
        Label hint = new Label("Add a server: a command (stdio) or a URL (Streamable HTTP, SSE).");
        hint.setWrapText(true);
        hint.getStyleClass().add("text-muted");
        VBox placeholder = new VBox(10, hint, addFirst);
        placeholder.setAlignment(Pos.CENTER);
        placeholder.setPadding(new Insets(16));
        list.setPlaceholder(placeholder);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) model.selectedProperty().set(b);
        });
        model.selectedProperty().addListener((o, a, b) -> {
            if (b != null && b != list.getSelectionModel().getSelectedItem()) list.getSelectionModel().select(b);
        });
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) model.connect();
        });
        list.setOnKeyPressed(e -> {
            switch (e.getCode()) {
                case ENTER -> model.connect();
                case DELETE -> deleteSelected();
                default -> { }
            }
        });
        list.setContextMenu(contextMenu());
        model.stateProperty().addListener((o, a, b) -> list.refresh());
        model.errorProperty().addListener((o, a, b) -> list.refresh());
        VBox.setVgrow(list, Priority.ALWAYS);

        Button connect = new Button("Connect", Icons.of(Feather.LOG_IN));
        connect.setId("connectButton");
        connect.getStyleClass().add("accent");
        connect.setMaxWidth(Double.MAX_VALUE);
        connect.disableProperty().bind(model.selectedProperty().isNull());
        connect.setOnAction(e -> model.connect());
        connect.setTooltip(new Tooltip("Connect the selected profile (Ctrl+K)"));
        disconnect = new Button("Disconnect", Icons.of(Feather.LOG_OUT));
        disconnect.setId("disconnectButton");
        disconnect.setMaxWidth(Double.MAX_VALUE);
        disconnect.disableProperty().bind(Bindings.createBooleanBinding(
                () -> model.stateProperty().get() == ConnectionState.DISCONNECTED, model.stateProperty()));
        disconnect.setOnAction(e -> model.disconnect());
        HBox.setHgrow(connect, Priority.ALWAYS);
        HBox.setHgrow(disconnect, Priority.ALWAYS);
        HBox buttons = new HBox(6, connect, disconnect);
        buttons.setPadding(new Insets(8, 10, 10, 10));
        getChildren().addAll(header, list, buttons);
    }

    private ContextMenu contextMenu() {
        MenuItem connect = new MenuItem("Connect", Icons.of(Feather.LOG_IN));
        connect.setOnAction(e -> model.connect());
        MenuItem edit = new MenuItem("Edit…", Icons.of(Feather.EDIT_2));
        edit.setOnAction(e -> editSelected());
        MenuItem duplicate = new MenuItem("Duplicate", Icons.of(Feather.COPY));
        duplicate.setOnAction(e -> {
            ProfileFields p = model.selectedProperty().get();
            if (p != null) model.duplicate(p);
        });
        MenuItem delete = new MenuItem("Delete", Icons.of(Feather.TRASH_2));
        delete.setOnAction(e -> deleteSelected());
        return new ContextMenu(connect, edit, duplicate, delete);
    }

    private Window owner() {
        return getScene() == null ? null : getScene().getWindow();
    }

    /** A small action beside the New connection button (e.g. Scan all). */
    public void addHeaderAction(javafx.scene.Node action) {
        header.getChildren().add(header.getChildren().size() - 1, action);
    }

    public void addProfile() {
        new ProfileDialog(owner(), null, model.namesBesides(null)).showingSecrets(model.secrets()).showAndWait().ifPresent(p -> model.saveProfile(null, p));
    }

    public void editSelected() {
        ProfileFields p = model.selectedProperty().get();
        if (p == null) return;
        new ProfileDialog(owner(), p, model.namesBesides(p)).showingSecrets(model.secrets()).showAndWait().ifPresent(updated -> model.saveProfile(p, updated));
    }

    private void deleteSelected() {
        ProfileFields p = model.selectedProperty().get();
        if (p == null) return;
        javafx.scene.control.Alert confirm = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                "Delete the connection \"" + p.name() + "\"?", javafx.scene.control.ButtonType.OK, javafx.scene.control.ButtonType.CANCEL);
        confirm.initOwner(owner());
        confirm.setHeaderText(null);
        confirm.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.OK).ifPresent(b -> model.deleteProfile(p));
    }

    public ListView<ProfileFields> list() {
        return list;
    }

    private final class ProfileCell extends ListCell<ProfileFields> {
        private final Label name = new Label();
        private final Label target = new Label();
        private final Label problem = new Label();
        private final StackPane status = new StackPane();
        private final VBox text = new VBox(1, name, target);
        private final HBox box = new HBox(8, status, text);

        ProfileCell() {
            name.getStyleClass().add("profile-cell-name");
            target.getStyleClass().add("profile-cell-detail");
            problem.getStyleClass().add("profile-error");
            problem.setWrapText(true);
            box.setAlignment(Pos.CENTER_LEFT);
            status.setMinWidth(18);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(ProfileFields p, boolean empty) {
            super.updateItem(p, empty);
            if (empty || p == null) {
                setGraphic(null);
                return;
            }
            name.setText(Invisibles.reveal(p.name()));
            target.setText(p.kind() + " · " + Invisibles.reveal(p.target()));
            text.getChildren().setAll(name, target);
            boolean isActive = p.equals(model.activeProperty().get());
            ConnectionState s = isActive ? model.stateProperty().get() : ConnectionState.DISCONNECTED;
            status.getChildren().setAll(switch (s) {
                case CONNECTING -> busy();
                case CONNECTED -> styled(Feather.CHECK_CIRCLE, "state-ok");
                case FAILED -> styled(Feather.ALERT_CIRCLE, "state-error");
                default -> Icons.of(p.kind() == ProfileFields.Kind.STDIO ? Feather.TERMINAL : Feather.GLOBE);
            });
            if (s == ConnectionState.FAILED && !model.errorProperty().get().isEmpty()) {
                problem.setText(model.errorProperty().get());
                text.getChildren().add(problem);
            }
            setGraphic(box);
        }

        private static javafx.scene.Node busy() {
            return new BusyBar(24);
        }

        private static javafx.scene.Node styled(Feather icon, String style) {
            Label l = new Label(null, Icons.of(icon));
            l.getStyleClass().add(style);
            return l;
        }
    }
}
