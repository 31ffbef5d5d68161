package dev.mcpworkbench.app.ui.payload;

import dev.mcpworkbench.inspector.payload.JsonIndex;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;

/**
 * A tree row whose children are created the first time they are asked for (on expand). Containers
 * with more than {@link #GROUP} children get range rows of {@link #GROUP} children each.
 */
public final class JsonTreeItem extends TreeItem<NodeRef> {

    static final int GROUP = 1000;

    private boolean loaded;

    public JsonTreeItem(NodeRef ref) {
        super(ref);
    }

    @Override
    public boolean isLeaf() {
        NodeRef r = getValue();
        return !r.isRange() && r.tree().childCount(r.node()) == 0;
    }

    @Override
    public ObservableList<TreeItem<NodeRef>> getChildren() {
        if (!loaded) {
            loaded = true;
            super.getChildren().setAll(createChildren());
        }
        return super.getChildren();
    }

    private List<TreeItem<NodeRef>> createChildren() {
        NodeRef r = getValue();
        JsonIndex tree = r.tree();
        List<TreeItem<NodeRef>> items = new ArrayList<>();
        if (r.isRange()) {
            int c = childAt(tree, r.node(), r.rangeStart());
            for (int i = r.rangeStart(); i < r.rangeEnd(); i++) {
                items.add(new JsonTreeItem(NodeRef.of(tree, c, r.prefix())));
                c = tree.skip(c);
            }
            return items;
        }
        int count = tree.childCount(r.node());
        if (count > GROUP) {
            for (int from = 0; from < count; from += GROUP) {
                items.add(new JsonTreeItem(new NodeRef(tree, r.node(), r.prefix(), from, Math.min(count, from + GROUP))));
            }
            return items;
        }
        for (int c : tree.children(r.node())) items.add(new JsonTreeItem(NodeRef.of(tree, c, r.prefix())));
        return items;
    }

    static int childAt(JsonIndex tree, int parent, int index) {
        int c = parent + 1;
        for (int i = 0; i < index; i++) c = tree.skip(c);
        return c;
    }

    /** Position of {@code node} among its parent's children. */
    static int positionInParent(JsonIndex tree, int node) {
        int parent = tree.parent(node);
        int c = parent + 1;
        for (int i = 0; ; i++) {
            if (c == node) return i;
            c = tree.skip(c);
        }
    }
}
