package dev.mcpworkbench.app.ui.common;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * Runs blocking work (SDK calls, file I/O) off the FX thread: one named executor of virtual
 * threads, every task with a timeout, callbacks delivered on the FX thread, and a busy count the
 * UI binds its progress indicators to.
 */
public final class FxTasks {

    private static final ExecutorService IO = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("workbench-io-", 0).factory());
    private static final ScheduledExecutorService TIMERS = timers();

    /**
     * A finished task cancels its timeout; without remove-on-cancel the cancelled timeout stays
     * queued for the whole timeout, and with it the task's callbacks and what they captured (a
     * 100 MB tool result, for a minute after it left the screen).
     */
    private static ScheduledExecutorService timers() {
        java.util.concurrent.ScheduledThreadPoolExecutor timers = new java.util.concurrent.ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "workbench-timeouts");
            t.setDaemon(true);
            return t;
        });
        timers.setRemoveOnCancelPolicy(true);
        return timers;
    }
    private static final FxTasks SHARED = new FxTasks(Platform::runLater);

    private final Executor fx;
    private final IntegerProperty running = new SimpleIntegerProperty();
    private final BooleanBinding busy = Bindings.greaterThan(running, 0);

    /** @param fx where callbacks run; {@code Platform::runLater} in the app, a direct executor in model tests */
    public FxTasks(Executor fx) {
        this.fx = fx;
    }

    public static FxTasks shared() {
        return SHARED;
    }

    public BooleanBinding busyProperty() {
        return busy;
    }

    /**
     * Runs {@code work} on a virtual thread; exactly one of the callbacks runs, on the FX thread. A
     * value the work returns after the task was cancelled or timed out is closed if it is
     * {@link AutoCloseable}.
     */
    public <T> Handle run(String what, Duration timeout, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Handle handle = new Handle(what, onFailure);
        fx.execute(() -> running.set(running.get() + 1));
        // the timeout is armed before the work starts: work that ends at once would otherwise find no
        // timer to cancel, and the timer armed after it would hold the callbacks (and what they
        // captured: a closed connection, a big result) for the whole timeout
        handle.timer = TIMERS.schedule(() -> handle.abort(
                new TimeoutException(what + " timed out after " + human(timeout))), timeout.toMillis(), TimeUnit.MILLISECONDS);
        handle.future = IO.submit(() -> {
            try {
                T value = work.call();
                // a value that comes after a cancel or a timeout has nobody to take it: one that holds
                // something (a big result's claim on the heap) lets it go here
                if (!handle.finish(() -> onSuccess.accept(value)) && value instanceof AutoCloseable unclaimed) closeQuietly(unclaimed);
            } catch (Throwable e) {
                handle.finish(() -> onFailure.accept(unwrap(e)));
            }
        });
        if (handle.isDone() && !handle.future.isDone()) handle.future.cancel(true); // timed out before it was submitted
        return handle;
    }

    private static void closeQuietly(AutoCloseable value) {
        try {
            value.close();
        } catch (Exception e) {
            // nobody waits for this value any more; a failure to close it has nobody to tell either
        }
    }

    /** A one-line reason for the status bar and error labels, never a stack trace. */
    public static String message(Throwable e) {
        Throwable t = unwrap(e);
        String m = t.getMessage();
        if (m == null || m.isBlank()) return t.getClass().getSimpleName();
        String line = m.strip().lines().findFirst().orElse(m);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof java.util.concurrent.ExecutionException || t instanceof java.util.concurrent.CompletionException
                || t instanceof java.lang.reflect.UndeclaredThrowableException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String human(Duration d) {
        return d.toSeconds() >= 1 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** A running task: cancel it (the Esc key, the cancel buttons) or let it time out. */
    public final class Handle {
        private final String what;
        private final Consumer<Throwable> onFailure;
        private final AtomicBoolean done = new AtomicBoolean();
        private volatile Future<?> future;
        private volatile ScheduledFuture<?> timer;

        private Handle(String what, Consumer<Throwable> onFailure) {
            this.what = what;
            this.onFailure = onFailure;
        }

        public void cancel() {
            abort(new CancellationException(what + " cancelled"));
        }

        public boolean isDone() {
            return done.get();
        }

        private void abort(Throwable reason) {
            if (!done.compareAndSet(false, true)) return;
            Future<?> f = future;
            if (f != null) f.cancel(true);
            cleanup(() -> onFailure.accept(reason));
        }

        /** Runs {@code callback} unless the task was already cancelled or timed out; says whether it will run. */
        private boolean finish(Runnable callback) {
            if (!done.compareAndSet(false, true)) return false;
            cleanup(callback);
            return true;
        }

        private void cleanup(Runnable callback) {
            ScheduledFuture<?> t = timer;
            if (t != null) t.cancel(false);
            fx.execute(() -> {
                running.set(running.get() - 1);
                callback.run();
            });
        }
    }
}
