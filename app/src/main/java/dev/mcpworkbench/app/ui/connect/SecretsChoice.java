package dev.mcpworkbench.app.ui.connect;

import dev.mcpworkbench.app.secrets.SecretStorage;
import dev.mcpworkbench.inspector.profile.SecretStore;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The save dialog's line on secrets: where header and environment values will be kept (the OS
 * keychain, or plain text in profiles.json and why), and the choice of plain text when a keychain
 * exists. The choice is applied when the dialog is confirmed.
 */
final class SecretsChoice extends VBox {

    private final SecretStorage storage;
    private final CheckBox plainText = new CheckBox("Save them in plain text in profiles.json instead");

    SecretsChoice(SecretStore store) {
        super(4);
        storage = store instanceof SecretStorage s ? s : null;
        Label note = new Label(storage != null ? storage.note()
                : "Header and environment values are saved as " + store.describe() + ".");
        note.setWrapText(true);
        note.setId("profileSecretsNote");
        getChildren().add(note);
        if (storage != null && !storage.noKeychain()) {
            plainText.setId("profileSecretsPlainText");
            plainText.setSelected(storage.plainTextChosen());
            getChildren().add(plainText);
        }
    }

    /** Remembers the choice (for every saved connection: they share one profiles.json). */
    void apply() {
        if (storage != null && plainText.getParent() != null) storage.choosePlainText(plainText.isSelected());
    }
}
