package dev.mcpworkbench.app.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Runs test code on the FX thread (controls are created and changed there, as in the app). */
public final class Fx {

    private Fx() {
    }

    public static void init() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    public static <T> T call(Callable<T> body) throws Exception {
        return WaitForAsyncUtils.asyncFx(body).get(20, TimeUnit.SECONDS);
    }

    public static void run(Runnable body) throws Exception {
        call(() -> {
            body.run();
            return null;
        });
    }
}
