package dev.mcpworkbench.app.ui.common;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.ProgressBar;

/**
 * A small indeterminate progress bar beside a status text, shown while {@code busy} is true. It
 * replaces a spinner ({@code ProgressIndicator}): with software rendering (no GPU, a virtual
 * machine, a remote desktop) the spinner's twelve shapes took the render thread about 20 ms a
 * frame (median over 5 s), this bar 0 to 2 ms. While a big result was checked on a 2-core machine
 * that was a third of a core, and every frame waited for it.
 */
public final class BusyBar extends ProgressBar {

    /** A bar shown while {@code busy} is true. */
    public BusyBar(double width, ObservableValue<Boolean> busy) {
        this(width);
        visibleProperty().bind(busy);
    }

    /** A bar always shown, for as long as it is in the scene (a row that is busy). */
    public BusyBar(double width) {
        super(INDETERMINATE_PROGRESS);
        setPrefWidth(width);
        setMinWidth(width);
        setMaxWidth(width);
        getStyleClass().add("busy-bar");
    }
}
