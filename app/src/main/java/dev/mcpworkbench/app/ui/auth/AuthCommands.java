package dev.mcpworkbench.app.ui.auth;

import java.nio.file.Path;
import javafx.stage.Window;

/** What the Authorization tab's buttons ask of the feature behind it. */
public interface AuthCommands {

    /** Runs the authorization again, a new trace; with step-in on, asks again from {@code from} on. */
    void replay(StepItem from);

    /** Writes the followed trace as HAR 1.2 (secrets masked unless revealed). */
    void exportHar(Path file) throws java.io.IOException;

    /** The URL the browser was redirected to, pasted by the user. */
    void pasteRedirect(String url);

    /** Opens the client identity dialog. */
    void editClient(Window owner);

    /** The client identity for the next connection, one line. */
    String clientSummary();

    /** Opens the active probes for the connection on screen. */
    default void openProbes(Window owner) {
    }

    /** Opens the client ID metadata document workshop. */
    default void openCimdWorkshop(Window owner) {
    }

    AuthCommands NONE = new AuthCommands() {
        @Override
        public void replay(StepItem from) {
        }

        @Override
        public void exportHar(Path file) {
        }

        @Override
        public void pasteRedirect(String url) {
        }

        @Override
        public void editClient(Window owner) {
        }

        @Override
        public String clientSummary() {
            return "";
        }
    };
}
