package dev.mcpworkbench.app.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** What a task's work returns reaches the success callback, or, when nobody waits any more, is let go. */
class FxTasksTest {

    /** Runs callbacks at once on the calling thread: no JavaFX needed for the task's own rules. */
    private final FxTasks tasks = new FxTasks(Runnable::run);

    private static final class Held implements AutoCloseable {
        final AtomicBoolean closed = new AtomicBoolean();

        @Override
        public void close() {
            closed.set(true);
        }
    }

    @Test
    void aValueThatArrivesAfterTheCancelIsClosedAndNoSuccessRuns() throws Exception {
        Held held = new Held();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        CountDownLatch returned = new CountDownLatch(1);
        AtomicReference<Object> delivered = new AtomicReference<>();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        FxTasks.Handle handle = tasks.run("slow", Duration.ofSeconds(30), () -> {
            started.countDown();
            // the work ignores interruption, as a blocking read that finishes anyway does
            while (cancelled.getCount() > 0) Thread.onSpinWait();
            returned.countDown();
            return held;
        }, delivered::set, failed::set);
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        handle.cancel();
        cancelled.countDown();
        assertThat(returned.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 200 && !held.closed.get(); i++) Thread.sleep(10);
        assertThat(held.closed).as("the value nobody waits for is closed").isTrue();
        assertThat(delivered.get()).isNull();
        assertThat(failed.get()).hasMessageContaining("cancelled");
    }

    @Test
    void aValueDeliveredOnTimeIsLeftToItsTaker() throws Exception {
        Held held = new Held();
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<Object> delivered = new AtomicReference<>();
        tasks.run("quick", Duration.ofSeconds(30), () -> held, v -> {
            delivered.set(v);
            done.countDown();
        }, e -> done.countDown());
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(delivered.get()).isSameAs(held);
        assertThat(held.closed).isFalse();
    }
}
