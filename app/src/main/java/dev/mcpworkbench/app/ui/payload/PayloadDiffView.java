package dev.mcpworkbench.app.ui.payload;

import dev.mcpworkbench.inspector.payload.Payload;
import dev.mcpworkbench.inspector.payload.PayloadDiff;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;

/**
 * Two results side by side with their differences listed between them; selecting a difference
 * reveals the node on both sides. The comparison runs off the FX thread and stops after 500
 * differences.
 */
public final class PayloadDiffView extends BorderPane {

    static final int LIMIT = 500;

    private final PayloadViewModel leftModel = new PayloadViewModel();
    private final PayloadViewModel rightModel = new PayloadViewModel();
    private final PayloadView left = new PayloadView(leftModel);
    private final PayloadView right = new PayloadView(rightModel);
    private final ListView<PayloadDiff.Change> changes = new ListView<>();
    private final Label status = new Label("Comparing…");

    public PayloadDiffView(Payload a, Payload b) {
        leftModel.show(a, List.of());
        rightModel.show(b, List.of());
        changes.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(PayloadDiff.Change c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : c.kind() + " " + c.pointer() + "  " + c.leftPreview() + " → " + c.rightPreview());
            }
        });
        changes.getSelectionModel().selectedItemProperty().addListener((o, old, c) -> reveal(c));
        BorderPane middle = new BorderPane(changes);
        middle.setTop(status);
        SplitPane split = new SplitPane(left, middle, right);
        split.setDividerPositions(0.4, 0.6);
        setCenter(split);
        CompletableFuture.supplyAsync(() -> PayloadDiff.diff(a, b, LIMIT)).thenAccept(list -> Platform.runLater(() -> {
            changes.getItems().setAll(list);
            status.setText(list.isEmpty() ? "No differences" : list.size() + (list.size() >= LIMIT ? "+" : "") + " differences");
        }));
    }

    public ListView<PayloadDiff.Change> changes() {
        return changes;
    }

    private void reveal(PayloadDiff.Change c) {
        if (c == null) return;
        leftModel.payloadProperty().get().resolve(c.pointer()).ifPresent(n -> left.tree().reveal(NodeRef.of(n.tree(), n.node(), n.prefix())));
        rightModel.payloadProperty().get().resolve(c.pointer()).ifPresent(n -> right.tree().reveal(NodeRef.of(n.tree(), n.node(), n.prefix())));
    }
}
