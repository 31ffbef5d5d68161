package dev.mcpworkbench.app.ui.findings;

import dev.mcpworkbench.inspector.rules.Severity;
import java.util.Locale;
import javafx.scene.control.Label;

/** A small colored pill naming a severity; colors come from findings.css. */
public final class SeverityBadge extends Label {

    /** Style sheet with the badge colors; scenes that show badges add it (see {@link #STYLESHEET}). */
    public static final String STYLESHEET =
            SeverityBadge.class.getResource("findings.css").toExternalForm();

    public SeverityBadge(Severity severity) {
        super(severity.name().charAt(0) + severity.name().substring(1).toLowerCase(Locale.ROOT));
        getStyleClass().addAll("severity-badge", styleClass(severity));
        getStylesheets().add(STYLESHEET);
        setMinWidth(USE_PREF_SIZE);
    }

    public static String styleClass(Severity severity) {
        return "severity-" + severity.label();
    }
}
