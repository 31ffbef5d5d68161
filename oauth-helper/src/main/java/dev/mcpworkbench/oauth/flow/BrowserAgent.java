package dev.mcpworkbench.oauth.flow;

import java.net.URI;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Opens the authorization URL in the system browser (java.awt.Desktop), never through a shell. When
 * no desktop is available it prints the URL for the user to open. Only http(s) URLs are opened.
 */
public final class BrowserAgent implements AuthorizationAgent {

    private final Consumer<String> tellUser;

    public BrowserAgent(Consumer<String> tellUser) {
        this.tellUser = tellUser;
    }

    @Override
    public URI authorize(URI authorizationUrl, URI redirectUri, AgentContext context) throws FlowException {
        String scheme = authorizationUrl.getScheme() == null ? "" : authorizationUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FlowException(StepKind.AUTHORIZATION_REQUEST, "refusing to open a non-http(s) authorization URL");
        }
        if (openInDesktopBrowser(authorizationUrl)) {
            context.note("Opened the system browser");
            tellUser.accept("Opened your browser to authorize. If it did not appear, open: " + authorizationUrl);
        } else {
            context.note("No desktop browser available; printed the URL");
            tellUser.accept("Open this URL in a browser to authorize: " + authorizationUrl);
        }
        return null;
    }

    private static boolean openInDesktopBrowser(URI url) {
        try {
            if (java.awt.GraphicsEnvironment.isHeadless() || !java.awt.Desktop.isDesktopSupported()) {
                return false;
            }
            java.awt.Desktop desktop = java.awt.Desktop.getDesktop();
            if (!desktop.isSupported(java.awt.Desktop.Action.BROWSE)) {
                return false;
            }
            desktop.browse(url);
            return true;
        } catch (Exception | LinkageError e) {
            return false;
        }
    }
}
