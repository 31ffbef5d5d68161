package dev.mcpworkbench.app.ui.findings;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import javafx.scene.layout.StackPane;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.StyleClassedTextArea;

/**
 * Read-only view of a definition's JSON with one node highlighted. Plain styled text, never a
 * WebView: the text comes from the server and is untrusted.
 */
public final class DefinitionArea extends StackPane {

    private final StyleClassedTextArea area = new StyleClassedTextArea();
    private JsonLayout layout = JsonLayout.of(null);

    public DefinitionArea() {
        area.setEditable(false);
        area.setWrapText(true);
        area.getStyleClass().add("definition-area");
        getChildren().add(new VirtualizedScrollPane<>(area));
        getStyleClass().add("definition-pane");
    }

    /** Shows {@code definition} and highlights the node at {@code pointer}; returns the highlighted text. */
    public Optional<String> show(JsonNode definition, String pointer) {
        layout = JsonLayout.of(definition, pointer);
        area.replaceText(layout.text());
        area.setStyleClass(0, layout.text().length(), "json");
        Optional<JsonLayout.Span> span = layout.span(pointer);
        span.ifPresent(s -> {
            area.setStyleClass(s.start(), s.end(), "evidence-highlight");
            int line = layout.lineOf(s.start());
            area.moveTo(s.start());
            area.showParagraphAtTop(Math.max(0, line - 2));
        });
        return span.map(s -> layout.text().substring(s.start(), s.end()));
    }

    public void showMessage(String message) {
        layout = JsonLayout.of(null);
        area.replaceText(message);
    }

    public String text() {
        return area.getText();
    }

    /** The text currently carrying the highlight style, for tests and accessibility. */
    public String highlightedText() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < area.getLength(); i++) {
            if (area.getStyleOfChar(i).contains("evidence-highlight")) {
                b.append(area.getText(i, i + 1));
            }
        }
        return b.toString();
    }
}
