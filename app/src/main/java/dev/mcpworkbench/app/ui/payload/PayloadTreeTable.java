package dev.mcpworkbench.app.ui.payload;

import dev.mcpworkbench.inspector.payload.ByteSizes;
import dev.mcpworkbench.inspector.payload.JsonIndex;
import dev.mcpworkbench.inspector.payload.NumberText;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;

/**
 * The payload's JSON trees in a virtualized TreeTableView: key, value, bytes, tokens and share
 * (with a heat bar). Rows are created lazily on expand; only visible cells decode text.
 */
public final class PayloadTreeTable extends TreeTableView<NodeRef> {

    private static final int PREVIEW_CHARS = 160;
    private final Set<String> flagged = new HashSet<>();

    public PayloadTreeTable() {
        // One hidden root for the table's life, its children replaced per payload: JavaFX 21's
        // TreeTableViewSkin keeps every root it was ever given (JDK-8349758, fixed in JavaFX 25),
        // and with a root per payload every payload shown stayed reachable.
        setRoot(new TreeItem<>());
        setShowRoot(false);
        setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        getStyleClass().add("payload-tree");
        getColumns().setAll(List.of(keyColumn(), valueColumn(), bytesColumn(), tokensColumn(), shareColumn()));
    }

    public void setRoots(List<NodeRef> roots) {
        List<TreeItem<NodeRef>> items = new java.util.ArrayList<>();
        for (NodeRef r : roots) items.add(new JsonTreeItem(r));
        // the last root is the deepest JSON the payload has (a JSON text block, else the message)
        if (!items.isEmpty()) items.get(items.size() - 1).setExpanded(true);
        getSelectionModel().clearSelection();
        getRoot().getChildren().setAll(items);
    }

    /** Shows no rows. */
    void clearRoots() {
        getSelectionModel().clearSelection();
        getRoot().getChildren().clear();
    }

    /** Whether a payload's (or the warm-up's sample) rows are in the table. */
    public boolean hasRows() {
        return !getRoot().getChildren().isEmpty();
    }

    /** Marks nodes that findings point to (shown with a warning sign and a style class). */
    public void setFlagged(List<NodeRef> nodes) {
        Set<String> now = new HashSet<>();
        for (NodeRef n : nodes) now.add(key(n));
        if (now.equals(flagged)) return;
        flagged.clear();
        flagged.addAll(now);
        // refresh() rebuilds every cell: only worth it when rows are on screen with the old marks
        if (hasRows()) refresh();
    }

    boolean isFlagged(NodeRef r) {
        return !r.isRange() && flagged.contains(key(r));
    }

    private static String key(NodeRef r) {
        return System.identityHashCode(r.tree()) + ":" + r.node();
    }

    /** Expands the path to {@code target}, selects it and scrolls to it. */
    public boolean reveal(NodeRef target) {
        TreeItem<NodeRef> item = null;
        for (TreeItem<NodeRef> r : getRoot().getChildren()) if (r.getValue().tree() == target.tree()) item = r;
        if (item == null) return false;
        JsonIndex tree = target.tree();
        Deque<Integer> path = new ArrayDeque<>();
        for (int n = target.node(); n > 0; n = tree.parent(n)) path.push(n);
        while (!path.isEmpty()) {
            int next = path.pop();
            item.setExpanded(true);
            int pos = JsonTreeItem.positionInParent(tree, next);
            List<TreeItem<NodeRef>> kids = item.getChildren();
            if (!kids.isEmpty() && kids.get(0).getValue().isRange()) {
                item = kids.get(pos / JsonTreeItem.GROUP);
                item.setExpanded(true);
                item = item.getChildren().get(pos % JsonTreeItem.GROUP);
            } else {
                item = kids.get(pos);
            }
        }
        getSelectionModel().select(item);
        int row = getRow(item);
        if (row >= 0) scrollTo(Math.max(0, row - 3));
        return true;
    }

    private TreeTableColumn<NodeRef, String> keyColumn() {
        TreeTableColumn<NodeRef, String> c = new TreeTableColumn<>("Key");
        c.setPrefWidth(220);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(f.getValue().getValue().label()));
        c.setCellFactory(col -> new TreeTableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                NodeRef r = empty || getTableRow() == null || getTableRow().getItem() == null ? null : getTableRow().getItem();
                boolean flag = r != null && isFlagged(r);
                setText(empty ? null : (flag ? "⚠ " : "") + item);
                getStyleClass().remove("payload-flagged");
                if (flag) getStyleClass().add("payload-flagged");
                setStyle(flag ? "-fx-text-fill: #c0392b; -fx-font-weight: bold;" : "");
            }
        });
        return c;
    }

    private TreeTableColumn<NodeRef, String> valueColumn() {
        TreeTableColumn<NodeRef, String> c = new TreeTableColumn<>("Value");
        c.setPrefWidth(360);
        c.setCellValueFactory(f -> {
            NodeRef r = f.getValue().getValue();
            return new ReadOnlyStringWrapper(r.isRange() ? "" : r.tree().preview(r.node(), PREVIEW_CHARS).replace('\n', '⏎'));
        });
        return c;
    }

    private TreeTableColumn<NodeRef, String> bytesColumn() {
        TreeTableColumn<NodeRef, String> c = new TreeTableColumn<>("Bytes");
        c.setPrefWidth(80);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(f.getValue().getValue().isRange() ? ""
                : ByteSizes.format(f.getValue().getValue().tree().bytes(f.getValue().getValue().node()))));
        return c;
    }

    private TreeTableColumn<NodeRef, String> tokensColumn() {
        TreeTableColumn<NodeRef, String> c = new TreeTableColumn<>("Tokens");
        c.setPrefWidth(80);
        c.setCellValueFactory(f -> {
            NodeRef r = f.getValue().getValue();
            if (r.isRange()) return new ReadOnlyStringWrapper("");
            String approx = r.tree().tokensExact() ? "" : "~";
            return new ReadOnlyStringWrapper(approx + NumberText.grouped(r.tree().tokens(r.node())));
        });
        return c;
    }

    private TreeTableColumn<NodeRef, NodeRef> shareColumn() {
        TreeTableColumn<NodeRef, NodeRef> c = new TreeTableColumn<>("Share");
        c.setPrefWidth(120);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue().getValue()));
        c.setCellFactory(col -> new HeatBarCell());
        return c;
    }
}
