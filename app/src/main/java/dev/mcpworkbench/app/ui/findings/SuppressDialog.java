package dev.mcpworkbench.app.ui.findings;

import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Asks why a finding is suppressed; the reason is required and saved with the connection profile, if any. */
public final class SuppressDialog {

    private SuppressDialog() {
    }

    /** {@code where} says where the suppression will be kept (see {@link SuppressionStore#where()}). */
    public static Optional<String> ask(Window owner, FindingItem item, String where) {
        Dialog<String> dialog = create(owner, item, where);
        return dialog.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
    }

    static Dialog<String> create(Window owner, FindingItem item, String where) {
        Dialog<String> dialog = new Dialog<>();
        if (owner != null) dialog.initOwner(owner);
        dialog.setTitle("Suppress finding");
        dialog.setHeaderText("Suppress " + item.finding().ruleId() + " on " + item.finding().location().display());
        TextArea reason = new TextArea();
        reason.setId("suppressReason");
        reason.setPromptText("Why is this acceptable? (for example: internal tool, input validated server-side)");
        reason.setPrefRowCount(3);
        reason.setWrapText(true);
        Label note = new Label("Suppressed findings stay visible in grey and are exported as suppressed, with this reason.");
        note.setWrapText(true);
        Label storage = new Label(where == null ? "" : where);
        storage.setId("suppressStorage");
        storage.setWrapText(true);
        storage.getStyleClass().add("muted");
        dialog.getDialogPane().setContent(new VBox(8, reason, note, storage));
        ButtonType suppress = new ButtonType("Suppress", ButtonType.OK.getButtonData());
        dialog.getDialogPane().getButtonTypes().setAll(suppress, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(suppress).disableProperty()
                .bind(reason.textProperty().map(t -> t.isBlank()));
        dialog.setResultConverter(button -> button == suppress ? reason.getText() : null);
        dialog.setOnShown(e -> reason.requestFocus());
        return dialog;
    }
}
