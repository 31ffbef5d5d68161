package dev.mcpworkbench.app.ui.clientconfig;

import dev.mcpworkbench.app.ui.MainWindow;
import dev.mcpworkbench.app.ui.common.FxTasks;
import dev.mcpworkbench.app.ui.common.Icons;
import dev.mcpworkbench.app.ui.connect.ConnectionViewModel;
import dev.mcpworkbench.app.ui.connect.ProfileFields;
import java.util.List;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import org.kordamp.ikonli.feather.Feather;

/** File > Import connections… and Export connection…, between the snapshot items and Quit. */
public final class ClientConfigMenu {

    private final MainWindow window;
    private final ConnectionViewModel connections;

    public ClientConfigMenu(MainWindow window, ConnectionViewModel connections) {
        this.window = window;
        this.connections = connections;
        MenuItem importItem = new MenuItem("_Import connections\u2026", Icons.of(Feather.DOWNLOAD));
        importItem.setId("importConnections");
        importItem.setOnAction(e -> showImport());
        MenuItem exportItem = new MenuItem("_Export connection\u2026", Icons.of(Feather.UPLOAD));
        exportItem.setId("exportConnection");
        exportItem.disableProperty().bind(connections.selectedProperty().isNull());
        exportItem.setOnAction(e -> showExport());
        var items = window.fileMenu().getItems();
        int quit = items.size() - 1;
        items.addAll(quit, List.of(importItem, exportItem, new SeparatorMenuItem()));
    }

    /** Opens the import dialog; the chosen entries become connections. */
    public ImportConnectionsDialog showImport() {
        ImportConnectionsModel model = new ImportConnectionsModel(FxTasks.shared(), connections.namesBesides(null));
        return showImport(model);
    }

    public ImportConnectionsDialog showImport(ImportConnectionsModel model) {
        ImportConnectionsDialog dialog = new ImportConnectionsDialog(window.getScene().getWindow(), model);
        dialog.setOnHidden(e -> {
            List<ProfileFields> chosen = dialog.getResult();
            if (chosen == null || chosen.isEmpty()) return;
            connections.addProfiles(chosen);
            window.status().setMessage("Imported " + chosen.size() + " connection(s) from " + model.fileProperty().get());
        });
        dialog.show();
        model.findLocations();
        return dialog;
    }

    /** Opens the export dialog for the selected connection. */
    public ExportConnectionDialog showExport() {
        ProfileFields selected = connections.selectedProperty().get();
        return selected == null ? null : showExport(new ExportConnectionModel(selected, FxTasks.shared()));
    }

    public ExportConnectionDialog showExport(ExportConnectionModel model) {
        ExportConnectionDialog dialog = new ExportConnectionDialog(window.getScene().getWindow(), model);
        dialog.show();
        return dialog;
    }
}
