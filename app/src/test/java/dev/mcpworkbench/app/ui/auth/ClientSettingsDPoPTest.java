package dev.mcpworkbench.app.ui.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.oauth.flow.HeadlessAgent;
import org.junit.jupiter.api.Test;

/** The desktop's DPoP choice reaches the flow's options and the tab's one-line summary. */
class ClientSettingsDPoPTest {

    @Test
    void dpopIsOffUntilChosenAndThenAskedForAndShown() throws Exception {
        ClientSettings settings = new ClientSettings();
        assertThat(settings.options(new HeadlessAgent()).dpop()).isFalse();
        assertThat(settings.summary()).doesNotContain("DPoP");
        settings.dpopProperty().set(true);
        assertThat(settings.options(new HeadlessAgent()).dpop()).isTrue();
        assertThat(settings.summary()).endsWith(" · DPoP");
    }
}
