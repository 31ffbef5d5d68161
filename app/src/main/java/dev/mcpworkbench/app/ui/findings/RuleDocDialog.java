package dev.mcpworkbench.app.ui.findings;

import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/** Shows a rule's doc page as plain text (Markdown source, not rendered). */
public final class RuleDocDialog {

    private RuleDocDialog() {
    }

    public static void show(Window owner, FindingItem item) {
        String docPath = item.ruleMetadata().map(r -> r.docPath()).orElse("docs/rules/" + item.finding().ruleId() + ".md");
        TextArea text = new TextArea("Loading " + docPath + "…");
        text.setId("ruleDocText");
        text.setEditable(false);
        text.setWrapText(true);
        text.getStyleClass().add("rule-doc");
        text.setPrefSize(720, 520);
        Dialog<Void> dialog = new Dialog<>();
        if (owner != null) dialog.initOwner(owner);
        dialog.setTitle(item.finding().ruleId());
        dialog.setHeaderText(item.ruleLabel());
        dialog.setResizable(true);
        dialog.getDialogPane().setContent(text);
        dialog.getDialogPane().getStylesheets().add(SeverityBadge.STYLESHEET);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        dialog.show();
        CompletableFuture.supplyAsync(() -> {
            try {
                return RuleDocs.text(docPath).orElse(fallback(item, docPath));
            } catch (java.io.IOException e) {
                return "Could not read " + docPath + ": " + e.getMessage() + "\n\n" + fallback(item, docPath);
            }
        }).thenAccept(page -> Platform.runLater(() -> text.setText(page)));
    }

    private static String fallback(FindingItem item, String docPath) {
        return docPath + " is not available in this installation.\n\n"
                + item.ruleMetadata().map(r -> r.title() + "\n\n" + r.rationale()).orElse("");
    }

}
