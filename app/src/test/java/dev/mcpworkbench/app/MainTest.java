package dev.mcpworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void aDesktopThatCannotStartIsExplainedByItsCauseNotByTheReflectiveWrapper() {
        var wrapped = new InvocationTargetException(new UnsupportedOperationException("Unable to open DISPLAY"));
        assertThat(Main.cause(wrapped)).isEqualTo("Unable to open DISPLAY");
    }

    @Test
    void aCauseWithoutMessageIsNamedByItsType() {
        var wrapped = new InvocationTargetException(new ExceptionInInitializerError((String) null));
        assertThat(Main.cause(wrapped)).isEqualTo("ExceptionInInitializerError");
    }

    @Test
    void onlyALoneSelfTestOptionGoesToTheDesktop() {
        assertThat(Main.desktopSelfTest(new String[] {"--self-test"})).isTrue();
        assertThat(Main.desktopSelfTest(new String[] {"--self-test=30"})).isTrue();
        assertThat(Main.desktopSelfTest(new String[] {"scan", "--self-test"})).isFalse();
        assertThat(Main.desktopSelfTest(new String[] {"--help"})).isFalse();
    }
}
