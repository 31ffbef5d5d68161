package dev.mcpworkbench.app.ui.auth;

import java.net.URI;
import java.util.Locale;

/** Opens an http(s) URL in the system browser, off the FX thread; never through a shell. */
final class Browsers {

    private Browsers() {
    }

    static void open(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) return;
        Thread.ofVirtual().name("open-browser").start(() -> {
            try {
                if (!java.awt.GraphicsEnvironment.isHeadless() && java.awt.Desktop.isDesktopSupported()
                        && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.BROWSE)) {
                    java.awt.Desktop.getDesktop().browse(url);
                }
            } catch (Exception | LinkageError e) {
                // no browser here: the user copies the URL instead
            }
        });
    }
}
