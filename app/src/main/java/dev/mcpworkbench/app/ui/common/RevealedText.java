package dev.mcpworkbench.app.ui.common;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/** Untrusted text as a flow in which every invisible character is a visible ⟦U+XXXX⟧ badge. */
public final class RevealedText extends TextFlow {

    public RevealedText() {
        getStyleClass().add("revealed-text");
    }

    public RevealedText(String text) {
        this();
        setContent(text);
    }

    public void setContent(String text) {
        getChildren().clear();
        if (text == null) return;
        for (Invisibles.Segment s : Invisibles.segments(text)) {
            if (s.invisible()) {
                Label badge = new Label(s.badge());
                badge.getStyleClass().add("invisible-badge");
                badge.setTooltip(new Tooltip("Invisible character " + s.badge()
                        + ": a reader does not see it, a model reads it"));
                getChildren().add(badge);
            } else {
                Text t = new Text(s.text());
                t.getStyleClass().add("revealed-text-run");
                getChildren().add(t);
            }
        }
    }
}
