package dev.mcpworkbench.app.ui.lab;

import java.net.URI;
import java.util.List;
import javafx.collections.MapChangeListener;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The "Lab" menu: start or stop each demo server (the authorization server with a chosen
 * misbehaviour), and copy the URL of each running one.
 */
public final class LabMenu extends Menu {

    private final LabViewModel model;

    public LabMenu(LabViewModel model) {
        super("Lab");
        this.model = model;
        setId("labMenu");
        model.running().addListener((MapChangeListener<DemoServer, URI>) c -> rebuild());
        rebuild();
    }

    private void rebuild() {
        getItems().clear();
        for (DemoServer kind : DemoServer.values()) {
            URI url = model.running().get(kind);
            if (url == null) {
                getItems().add(startItem(kind));
            } else {
                MenuItem stop = literal(new MenuItem("Stop " + kind.title(), new FontIcon(Feather.SQUARE)));
                stop.setId("menu-stop-" + kind.name().toLowerCase(java.util.Locale.ROOT));
                stop.setOnAction(e -> model.stop(kind));
                MenuItem copy = literal(new MenuItem("Copy URL  " + url, new FontIcon(Feather.COPY)));
                copy.setId("copy-" + kind.name().toLowerCase(java.util.Locale.ROOT));
                copy.setOnAction(e -> {
                    ClipboardContent content = new ClipboardContent();
                    content.putString(url.toString());
                    Clipboard.getSystemClipboard().setContent(content);
                });
                getItems().addAll(stop, copy);
            }
            getItems().add(new SeparatorMenuItem());
        }
        getItems().remove(getItems().size() - 1);
    }

    private MenuItem startItem(DemoServer kind) {
        List<LabControl.Behaviour> behaviours = model.behaviours(kind);
        if (behaviours.isEmpty()) {
            MenuItem start = literal(new MenuItem("Start " + kind.title(), new FontIcon(Feather.PLAY)));
            start.setId("menu-start-" + kind.name().toLowerCase(java.util.Locale.ROOT));
            start.setOnAction(e -> model.start(kind, ""));
            return start;
        }
        Menu start = literal(new Menu("Start " + kind.title(), new FontIcon(Feather.PLAY)));
        start.setId("menu-start-" + kind.name().toLowerCase(java.util.Locale.ROOT));
        MenuItem correct = new MenuItem("Behaving correctly");
        correct.setOnAction(e -> model.start(kind, ""));
        start.getItems().addAll(correct, new SeparatorMenuItem());
        for (LabControl.Behaviour behaviour : behaviours) {
            MenuItem item = literal(new MenuItem(behaviour.name() + "  \u2014  " + behaviour.description()));
            item.setId("behaviour-" + behaviour.name());
            item.setOnAction(e -> model.start(kind, behaviour.name()));
            start.getItems().add(item);
        }
        return start;
    }

    /**
     * Menu texts here are names (misbehaviours like resource_metadata_mismatch, URLs), not labels
     * with a mnemonic: JavaFX would take each {@code _} as a mnemonic marker and drop it.
     */
    private static <T extends MenuItem> T literal(T item) {
        item.setMnemonicParsing(false);
        return item;
    }
}
