package dev.mcpworkbench.app.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A heavy node comes in the frame after its place was laid out, and only while the place is on
 * screen; many places come a few per frame.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NextFrameTest {

    @BeforeAll
    static void toolkit() throws Exception {
        Fx.init();
    }

    @Test
    void theNodeIsNotThereInTheFirstFrameButComesInALaterOne() throws Exception {
        VBox root = Fx.call(VBox::new);
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(root, 400, 300));
            stage.show();
        });
        AtomicInteger built = new AtomicInteger();
        NextFrame place = Fx.call(() -> {
            NextFrame p = new NextFrame(() -> {
                built.incrementAndGet();
                return new Label("the text");
            });
            root.getChildren().add(p);
            // what the user's gesture did in this turn of the FX thread: nothing built yet
            assertThat(p.getChildren()).isEmpty();
            return p;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Fx.call(place::isBuilt));
        assertThat(Fx.call(() -> ((Label) place.getChildren().get(0)).getText())).isEqualTo("the text");
        // a few more frames: built once
        Fx.call(() -> Frames.afterPulses(3)).await(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(built).hasValue(1);
    }

    @Test
    void aPlaceThatLeftTheSceneBeforeItsFrameBuildsNothingUntilItIsBack() throws Exception {
        VBox root = Fx.call(VBox::new);
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(root, 400, 300));
            stage.show();
        });
        AtomicInteger built = new AtomicInteger();
        NextFrame place = Fx.call(() -> {
            NextFrame p = new NextFrame(() -> {
                built.incrementAndGet();
                return new Label("a replaced result");
            });
            root.getChildren().add(p);
            // replaced in the same turn, as a second result replaces the first
            root.getChildren().remove(p);
            return p;
        });
        Fx.call(() -> Frames.afterPulses(3)).await(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(built).hasValue(0);
        assertThat(Fx.call(place::isBuilt)).isFalse();

        Fx.run(() -> root.getChildren().add(place));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Fx.call(place::isBuilt));
        assertThat(built).hasValue(1);
    }

    @Test
    void manyPlacesAreBuiltAFewPerFrameInTheirOrder() throws Exception {
        VBox root = Fx.call(VBox::new);
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(root, 400, 300));
            stage.show();
        });
        int places = 4 * NextFrame.PER_FRAME + 2;
        java.util.List<Integer> order = new java.util.concurrent.CopyOnWriteArrayList<>();
        // how many were built by the end of each layout: 50 text areas built in one pulse took 150-300 ms
        java.util.List<Integer> builtByFrame = new java.util.concurrent.CopyOnWriteArrayList<>();
        Fx.run(() -> {
            root.getScene().addPostLayoutPulseListener(() -> builtByFrame.add(order.size()));
            for (int i = 0; i < places; i++) {
                int n = i;
                root.getChildren().add(new NextFrame(() -> {
                    order.add(n);
                    return new Label("block " + n);
                }));
            }
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> order.size() == places);
        // the layout after the last ones were built
        Fx.call(() -> Frames.afterPulses(2)).await(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(order).isSorted().hasSize(places);
        assertThat(builtByFrame).last().isEqualTo(places);
        int before = 0;
        for (int built : builtByFrame) {
            assertThat(built - before).as("places built in one frame").isLessThanOrEqualTo(NextFrame.PER_FRAME);
            before = built;
        }
    }

    /** In a scroll pane, the places below the fold wait until they are scrolled to. */
    @Test
    void aPlaceBuiltWhenShownWaitsUntilItIsScrolledTo() throws Exception {
        // the app's theme, as the other test classes leave it: its scroll pane keeps the offset in pixels as content grows
        Fx.run(() -> javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet()));
        VBox column = Fx.call(VBox::new);
        javafx.scene.control.ScrollPane scroll = shownInScrollPane(column);
        int places = 20;
        java.util.List<Integer> built = new java.util.concurrent.CopyOnWriteArrayList<>();
        Fx.run(() -> {
            for (int i = 0; i < places; i++) {
                int n = i;
                javafx.scene.layout.VBox block = new VBox(new Label("header " + n), NextFrame.whenShown(() -> {
                    built.add(n);
                    Label text = new Label("text " + n);
                    text.setMinHeight(100);
                    return text;
                }));
                column.getChildren().add(block);
            }
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> built.contains(0));
        Fx.call(() -> Frames.afterPulses(10)).await(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        // a 300-pixel window shows the first two or three 120-pixel blocks
        assertThat(built).as("built without scrolling").contains(0, 1).doesNotContain(places - 1).hasSizeLessThan(6);

        // scrolled to the end, as a user does: the previews built there push the end down (the
        // scroll pane keeps its offset in pixels), so scroll to it again until the last one shows
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            Fx.run(() -> scroll.setVvalue(1));
            Fx.call(() -> Frames.afterPulses(3)).await(1, TimeUnit.SECONDS);
            return built.contains(places - 1);
        });
        assertThat(built).as("built once scrolled to the end").contains(places - 1).hasSizeLessThan(places);
    }

    /** A place that waited below the fold of one window and moves into another is built there once scrolled to. */
    @Test
    void aWaitingPlaceMovedToAnotherWindowIsBuiltThere() throws Exception {
        VBox column = Fx.call(VBox::new);
        javafx.scene.control.ScrollPane scroll = shownInScrollPane(column);
        AtomicInteger built = new AtomicInteger();
        NextFrame place = Fx.call(() -> {
            javafx.scene.layout.Region filler = new javafx.scene.layout.Region();
            filler.setMinHeight(2000);
            NextFrame p = NextFrame.whenShown(() -> {
                built.incrementAndGet();
                return new Label("below the fold");
            });
            column.getChildren().addAll(filler, p);
            return p;
        });
        Fx.call(() -> Frames.afterPulses(5)).await(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(built).as("below the fold").hasValue(0);

        javafx.stage.Stage[] other = new javafx.stage.Stage[1];
        javafx.scene.control.ScrollPane otherScroll = Fx.call(() -> {
            column.getChildren().remove(place);
            javafx.scene.layout.Region filler = new javafx.scene.layout.Region();
            filler.setMinHeight(2000);
            javafx.scene.control.ScrollPane s = new javafx.scene.control.ScrollPane(new VBox(filler, place));
            other[0] = new javafx.stage.Stage();
            other[0].setScene(new Scene(s, 300, 200));
            other[0].show();
            // the first window goes away: no more pulses of its own
            scroll.getScene().getWindow().hide();
            return s;
        });
        try {
            Fx.call(() -> Frames.afterPulses(5)).await(5, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(built).as("below the fold of the other window").hasValue(0);
            Fx.run(() -> otherScroll.setVvalue(1));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> built.get() == 1);
            assertThat(Fx.call(place::isBuilt)).isTrue();
        } finally {
            Fx.run(() -> other[0].hide());
        }
    }

    /**
     * A window of its own, 400 by 300 pixels, showing {@code column} in a scroll pane: the test
     * window other test classes used keeps the size they gave it.
     */
    private static javafx.scene.control.ScrollPane shownInScrollPane(VBox column) throws Exception {
        return Fx.call(() -> {
            javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(column);
            javafx.stage.Stage stage = new javafx.stage.Stage();
            stage.setScene(new Scene(scroll, 400, 300));
            stage.show();
            return scroll;
        });
    }
}
