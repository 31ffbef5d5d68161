package dev.mcpworkbench.app.ui.common;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Feather icons at the sizes the app uses. */
public final class Icons {

    private Icons() {
    }

    public static FontIcon of(Feather icon) {
        return sized(icon, 15);
    }

    public static FontIcon sized(Feather icon, int size) {
        FontIcon f = new FontIcon(icon);
        f.setIconSize(size);
        f.getStyleClass().add("app-icon");
        return f;
    }
}
