package dev.mcpworkbench.app.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** Light or dark (AtlantaFX Primer), remembered across runs in the user's preferences. */
public final class ThemeSettings {

    private static final String KEY = "theme.dark";
    private final Preferences prefs;
    private final BooleanProperty dark = new SimpleBooleanProperty();

    public ThemeSettings(Preferences prefs) {
        this.prefs = prefs;
        dark.set(prefs.getBoolean(KEY, false));
        dark.addListener((o, was, now) -> {
            apply();
            prefs.putBoolean(KEY, now);
        });
    }

    public static Preferences appPreferences() {
        return Preferences.userRoot().node("dev/mcpworkbench/app");
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public void apply() {
        Application.setUserAgentStylesheet(dark.get()
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    public void toggle() {
        dark.set(!dark.get());
    }
}
