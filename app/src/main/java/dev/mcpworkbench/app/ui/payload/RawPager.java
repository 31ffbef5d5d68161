package dev.mcpworkbench.app.ui.payload;

import dev.mcpworkbench.inspector.payload.ByteSizes;
import java.util.HexFormat;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/**
 * Raw text of a node, one 16 KB page at a time: a TextArea holding 100 MB would freeze the
 * window, so the pager shows where the page sits in the whole and moves page by page.
 */
public final class RawPager extends BorderPane {

    static final int PAGE = 16 * 1024;

    private final TextArea area = new TextArea();
    private final Label where = new Label();
    private final Button previous = new Button("◀ Previous page");
    private final Button next = new Button("Next page ▶");
    private NodeRef node;
    private long offset;

    public RawPager() {
        area.setEditable(false);
        area.setWrapText(true);
        area.getStyleClass().add("payload-raw");
        previous.setOnAction(e -> move(-PAGE));
        next.setOnAction(e -> move(PAGE));
        HBox bar = new HBox(8, previous, next, where);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4));
        setTop(bar);
        setCenter(area);
    }

    public void show(NodeRef ref) {
        node = ref;
        offset = 0;
        render();
    }

    /** Shows bytes that are not JSON (an unparsed message, binary text) as a hex dump with text. */
    public void showBytes(byte[] bytes, String note) {
        node = null;
        StringBuilder b = new StringBuilder(note).append("\n\n");
        HexFormat hex = HexFormat.of();
        int n = Math.min(bytes.length, PAGE / 4);
        for (int i = 0; i < n; i += 16) {
            int len = Math.min(16, n - i);
            b.append(String.format("%08x  %-48s  ", i, hex.formatHex(bytes, i, i + len).replaceAll("(..)", "$1 ")));
            for (int k = i; k < i + len; k++) b.append(bytes[k] >= 32 && bytes[k] < 127 ? (char) bytes[k] : '.');
            b.append('\n');
        }
        area.setText(b.toString());
        where.setText(bytes.length > n ? "first " + ByteSizes.format(n) + " of " + ByteSizes.format(bytes.length) : "");
        previous.setDisable(true);
        next.setDisable(true);
    }

    public void showText(String text) {
        node = null;
        area.setText(text.length() > PAGE ? text.substring(0, PAGE) : text);
        where.setText(text.length() > PAGE ? "first " + PAGE + " characters of " + text.length() + " (see the tree or export the value)" : "");
        previous.setDisable(true);
        next.setDisable(true);
    }

    /** The head of a text too long to decode whole, {@code totalBytes} long as UTF-8. */
    public void showText(String head, long totalBytes) {
        node = null;
        area.setText(head);
        where.setText("first " + head.length() + " characters of " + ByteSizes.format(totalBytes) + " (see the tree or export the value)");
        previous.setDisable(true);
        next.setDisable(true);
    }

    public String text() {
        return area.getText();
    }

    private void move(long delta) {
        if (node == null) return;
        long total = node.tree().bytes(node.node());
        offset = Math.max(0, Math.min(offset + delta, Math.max(0, total - 1)));
        render();
    }

    private void render() {
        long total = node.tree().bytes(node.node());
        area.setText(node.tree().rawSlice(node.node(), offset, PAGE));
        long to = Math.min(total, offset + PAGE);
        where.setText(total <= PAGE ? ByteSizes.format(total)
                : "bytes " + offset + "–" + to + " of " + total + " (" + ByteSizes.format(total) + "); page boundaries may split a character");
        previous.setDisable(offset == 0);
        next.setDisable(to >= total);
    }
}
