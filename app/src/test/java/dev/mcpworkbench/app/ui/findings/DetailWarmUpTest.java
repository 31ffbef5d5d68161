package dev.mcpworkbench.app.ui.findings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.app.ui.common.Fx;
import dev.mcpworkbench.app.ui.common.TestWindows;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The warm-up lays out a throwaway finding detail and definition area with the app's style sheet. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DetailWarmUpTest {

    @BeforeAll
    static void toolkit() throws Exception {
        Fx.init();
    }

    @Test
    void laysOutAThrowawayDetailAndDefinition() throws Exception {
        assertThat(Fx.call(() -> DetailWarmUp.layOut(List.of(TestWindows.appStylesheet())))).isTrue();
    }
}
