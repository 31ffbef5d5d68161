package dev.mcpworkbench.app.ui.drift;

import java.util.List;
import javafx.scene.layout.StackPane;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.StyleClassedTextArea;

/** Read-only inline diff of one field: removed text struck through in red, added text in green. */
public final class DiffArea extends StackPane {

    private final StyleClassedTextArea area = new StyleClassedTextArea();

    public DiffArea() {
        area.setEditable(false);
        area.setWrapText(true);
        area.getStyleClass().addAll("diff-area", "mono");
        getChildren().add(new VirtualizedScrollPane<>(area));
    }

    public void show(String before, String after) {
        List<WordDiff.Segment> segments = WordDiff.diff(before, after);
        StringBuilder text = new StringBuilder();
        segments.forEach(s -> text.append(s.text()));
        area.replaceText(text.toString());
        int at = 0;
        for (WordDiff.Segment s : segments) {
            int end = at + s.text().length();
            if (s.op() == WordDiff.Op.REMOVED) area.setStyleClass(at, end, "diff-removed");
            if (s.op() == WordDiff.Op.ADDED) area.setStyleClass(at, end, "diff-added");
            at = end;
        }
    }

    /** Text carrying {@code styleClass} ("diff-added" or "diff-removed"), for tests and screen readers. */
    public String textWith(String styleClass) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < area.getLength(); i++) {
            if (area.getStyleOfChar(i).contains(styleClass)) b.append(area.getText(i, i + 1));
        }
        return b.toString();
    }
}
