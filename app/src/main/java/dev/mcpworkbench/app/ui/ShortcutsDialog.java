package dev.mcpworkbench.app.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Help > Keyboard shortcuts. */
final class ShortcutsDialog {

    private static final String[][] KEYS = {
            {"Ctrl+K", "Connect the selected profile"},
            {"Ctrl+Shift+K", "Disconnect"},
            {"Ctrl+N", "New connection profile"},
            {"Ctrl+Shift+A", "Scan all saved connections"},
            {"Ctrl+O", "Open a server snapshot"},
            {"Ctrl+S", "Save the server snapshot"},
            {"Ctrl+F", "Search tools"},
            {"Ctrl+Enter", "Call the selected tool"},
            {"Esc", "Cancel the running call"},
            {"F5", "Refresh the server's lists"},
            {"Ctrl+1 … Ctrl+4", "Overview, Tools, Resources, Prompts"},
            {"Ctrl+Shift+L", "Light / dark theme"},
            {"Ctrl+,", "Rule settings"},
            {"Alt+letter", "Menus (underlined letters)"},
    };

    private ShortcutsDialog() {
    }

    static void show(Window owner) {
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(6);
        for (int i = 0; i < KEYS.length; i++) {
            Label key = new Label(KEYS[i][0]);
            key.getStyleClass().add("kbd");
            grid.addRow(i, key, new Label(KEYS[i][1]));
        }
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle("Keyboard shortcuts");
        alert.setHeaderText("Keyboard shortcuts");
        alert.getDialogPane().setContent(grid);
        alert.show();
    }
}
