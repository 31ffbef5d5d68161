package dev.mcpworkbench.app.ui.findings;

import java.net.URI;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens a rule's reference link in the system browser, off the FX thread; only http(s). */
public final class LinkOpener {

    private static final Logger LOG = LoggerFactory.getLogger(LinkOpener.class);

    private LinkOpener() {
    }

    public static void open(String link) {
        URI uri;
        try {
            uri = URI.create(link);
        } catch (IllegalArgumentException e) {
            return;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) return;
        Thread.ofVirtual().name("open-link").start(() -> {
            try {
                if (!java.awt.GraphicsEnvironment.isHeadless() && java.awt.Desktop.isDesktopSupported()
                        && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.BROWSE)) {
                    java.awt.Desktop.getDesktop().browse(uri);
                }
            } catch (Exception | LinkageError e) {
                LOG.info("Cannot open {} in a browser: {}", uri, e.toString());
            }
        });
    }
}
