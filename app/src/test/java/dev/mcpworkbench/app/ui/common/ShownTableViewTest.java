package dev.mcpworkbench.app.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A table in an unselected tab skips the layouts that rows added ask for, lays them out when the
 * app has been idle a while, and at once when its tab is selected.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ShownTableViewTest {

    @BeforeAll
    static void toolkit() throws Exception {
        Fx.init();
    }

    @Test
    void aHiddenTableLaysOutItsNewRowsOnlyOnceItsTabIsSelected() throws Exception {
        ObservableList<String> rows = FXCollections.observableArrayList("first");
        ShownTableView<String> table = Fx.call(() -> {
            ShownTableView<String> t = new ShownTableView<>(rows);
            TableColumn<String, String> c = new TableColumn<>("Message");
            c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
            t.getColumns().add(c);
            return t;
        });
        TabPane tabs = Fx.call(() -> new TabPane(new Tab("Tools", new Label("a result")), new Tab("Traffic", table)));
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(tabs, 600, 400));
            stage.show();
        });
        // shown once: the first row is laid out
        Fx.run(() -> tabs.getSelectionModel().select(1));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Fx.call(() -> cellShows(table, "first")));

        Fx.run(() -> tabs.getSelectionModel().select(0));
        Fx.run(() -> rows.add("second"));
        Fx.call(() -> Frames.afterPulses(4)).await(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        // the layout the new row asked for was skipped (an empty row already on screen may still
        // show the new item by itself: a cell follows its list's changes, a cheap update)
        int skipped = Fx.call(table::skippedLayouts);
        assertThat(skipped).isPositive();
        assertThat(Fx.call(table::catchUps)).isZero();

        // the app idle (no background task) for a while: the hidden table catches up, still hidden
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Fx.call(table::catchUps) == 1);
        assertThat(Fx.call(() -> cellShows(table, "second"))).isTrue();
        assertThat(Fx.call(() -> ShownLayout.isShown(table))).isFalse();

        // a row, then the tab selected at once: the row is laid out once the tab shows
        Fx.run(() -> rows.add("third"));
        Fx.call(() -> Frames.afterPulses(2)).await(5, TimeUnit.SECONDS);
        Fx.run(() -> tabs.getSelectionModel().select(1));
        WaitForAsyncUtils.waitFor(1, TimeUnit.SECONDS, () -> Fx.call(() -> cellShows(table, "third")));
    }

    private static boolean cellShows(ShownTableView<String> table, String text) {
        return table.lookupAll(".table-cell").stream()
                .anyMatch(n -> n instanceof TableCell<?, ?> cell && !cell.isEmpty() && text.equals(cell.getText()));
    }
}
