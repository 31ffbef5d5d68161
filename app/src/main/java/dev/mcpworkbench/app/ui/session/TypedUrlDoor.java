package dev.mcpworkbench.app.ui.session;

import dev.mcpworkbench.app.ui.MainWindow;
import dev.mcpworkbench.app.ui.connect.ProfileFields;
import java.net.URI;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextInputDialog;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * "Server → Connect to HTTP URL…": a Streamable HTTP URL typed in is connected as an unsaved
 * connection; a 401 starts the authorization flow, shown step by step.
 */
public final class TypedUrlDoor {

    private final MainWindow window;
    private final ActiveSession session;

    public TypedUrlDoor(MainWindow window, ActiveSession session) {
        this.window = window;
        this.session = session;
        MenuItem item = new MenuItem("Connect to _HTTP URL…", new FontIcon(Feather.LINK));
        item.setId("connectHttpUrl");
        item.setOnAction(e -> ask());
        window.serverMenu().getItems().add(item);
    }

    private void ask() {
        TextInputDialog dialog = new TextInputDialog("http://127.0.0.1:3000/mcp");
        dialog.initOwner(window.getScene().getWindow());
        dialog.setTitle("Connect");
        dialog.setHeaderText("Streamable HTTP endpoint of the MCP server");
        dialog.showAndWait().map(String::strip).filter(s -> !s.isEmpty()).ifPresent(text -> {
            try {
                URI url = URI.create(text);
                if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme())) {
                    throw new IllegalArgumentException("the URL must start with http:// or https://");
                }
                connect(url);
            } catch (IllegalArgumentException bad) {
                window.status().setMessage("Not a usable URL: " + bad.getMessage());
            }
        });
    }

    /** Connects to {@code url} as if typed in; its suppressions and pin last for this run until it is saved. */
    public void connect(URI url) {
        window.status().setMessage("Connecting to " + url + "…");
        session.open(new SessionSource.TypedUrl(url), ProfileFields.http(url.toString(), url));
    }
}
