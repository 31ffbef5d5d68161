package dev.mcpworkbench.app.ui.common;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.inspector.traffic.LongTextNode;
import java.util.Iterator;
import java.util.Map;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

/**
 * A JSON value as a tree (schemas, structuredContent, capabilities). Children are created when a
 * node is first expanded, so a huge payload costs nothing until the user opens it.
 */
public final class JsonTreeView extends TreeView<JsonTreeView.Entry> {

    /** One key (or index) and its value. */
    public record Entry(String key, JsonNode value) {
        private static final int LABEL_CHARS = 400;

        public String label() {
            String k = key == null ? "" : Invisibles.reveal(key) + ": ";
            if (value.isObject()) return k + "{" + value.size() + "}";
            if (value.isArray()) return k + "[" + value.size() + "]";
            if (!value.isTextual()) {
                String text = value.toString();
                return k + cut(text, text.length());
            }
            // only the head is read: a 100 MB string stays in the message's bytes (LongTextNode)
            return k + cut("\"" + Invisibles.reveal(LongTextNode.head(value, LABEL_CHARS)) + "\"", LongTextNode.length(value));
        }

        private static String cut(String text, int length) {
            return length > LABEL_CHARS ? text.substring(0, Math.min(text.length(), LABEL_CHARS)) + "… (" + length + " chars)" : text;
        }
    }

    /** A lone child with more entries than this stays closed when its parent opens. */
    static final int LONE_CHILD_OPEN_LIMIT = 1_000;

    public JsonTreeView() {
        setShowRoot(true);
        getStyleClass().add("json-tree");
        setCellFactory(tv -> new TreeCell<>() {
            @Override
            protected void updateItem(Entry item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.label());
            }
        });
    }

    public void setJson(JsonNode json) {
        if (json == null || json.isMissingNode()) {
            setRoot(null);
            return;
        }
        TreeItem<Entry> root = item(null, json);
        root.setExpanded(true);
        setRoot(root);
    }

    private static TreeItem<Entry> item(String key, JsonNode value) {
        return new LazyItem(new Entry(key, value));
    }

    private static final class LazyItem extends TreeItem<Entry> {
        private boolean loaded;

        LazyItem(Entry e) {
            super(e);
            expandedProperty().addListener((o, was, now) -> {
                if (now) load();
            });
        }

        @Override
        public boolean isLeaf() {
            JsonNode v = getValue().value();
            return !v.isContainerNode() || v.isEmpty();
        }

        private void load() {
            if (loaded) return;
            loaded = true;
            JsonNode v = getValue().value();
            if (v.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> f = it.next();
                    getChildren().add(item(f.getKey(), f.getValue()));
                }
            } else if (v.isArray()) {
                for (int i = 0; i < v.size(); i++) getChildren().add(item(String.valueOf(i), v.get(i)));
            }
            // a lone child opens with its parent, unless opening it makes an item per entry of a big
            // container: {"rows": [600,000 objects]} made 600,000 tree items on the FX thread
            if (getChildren().size() == 1 && getChildren().get(0).getValue().value().size() <= LONE_CHILD_OPEN_LIMIT) {
                getChildren().get(0).setExpanded(true);
            }
        }
    }

    /** Expands every node down to {@code depth} levels. */
    public void expandTo(int depth) {
        expand(getRoot(), depth);
    }

    private static void expand(TreeItem<Entry> item, int depth) {
        if (item == null || depth <= 0) return;
        item.setExpanded(true);
        for (TreeItem<Entry> c : item.getChildren()) expand(c, depth - 1);
    }
}
