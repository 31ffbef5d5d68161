package dev.mcpworkbench.app.ui.common;

import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/**
 * Where a screen's suppressions or pin are kept, and, while they last only for this session, a
 * "Save as connection…" link that keeps them in a saved connection instead.
 */
public final class StorageNote extends HBox {

    private final Hyperlink save = new Hyperlink("Save as connection…");

    /**
     * @param labelId the note's id (tests and the screens look it up)
     * @param linkId  the link's id: each screen has its own, so both can be found at once
     */
    public StorageNote(String labelId, String linkId, String styleClass, ObservableValue<String> note) {
        super(4);
        setAlignment(Pos.CENTER_RIGHT);
        Label text = new Label();
        text.setId(labelId);
        text.getStyleClass().add(styleClass);
        text.textProperty().bind(note);
        save.setId(linkId);
        show(false);
        getChildren().addAll(text, save);
    }

    /** Shows the link while {@code when} holds; it runs {@code action}. */
    public void offerSaving(ObservableBooleanValue when, Runnable action) {
        save.setOnAction(e -> action.run());
        show(when.get());
        when.addListener((o, was, now) -> show(now));
    }

    private void show(boolean visible) {
        save.setVisible(visible);
        save.setManaged(visible);
    }
}
