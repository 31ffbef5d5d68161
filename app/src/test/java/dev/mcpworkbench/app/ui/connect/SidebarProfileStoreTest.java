package dev.mcpworkbench.app.ui.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.inspector.profile.ProfileAnalysisState;
import dev.mcpworkbench.inspector.rules.suppress.Suppression;
import dev.mcpworkbench.inspector.rules.suppress.Suppressions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The sidebar's saves keep what the findings screens wrote into a profile, across edits and renames. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SidebarProfileStoreTest {

    @TempDir
    Path dir;

    private static ProfileFields http(String name, String url) {
        return new ProfileFields(name, ProfileFields.Kind.HTTP, "", List.of(), Map.of(), "", url, Map.of(), List.of());
    }

    private static final Suppressions ACCEPTED = Suppressions.none()
            .with(new Suppression("POISON-001|TOOL|search|/description", "POISON-001", "reviewed", ""));

    private Suppressions savedSuppressions(String name) throws Exception {
        return ProfileAnalysisState.of(new dev.mcpworkbench.inspector.profile.ProfileStore(dir).find(name).orElseThrow()).suppressions();
    }

    @Test
    void aSuppressionWrittenAfterTheSidebarLoadedSurvivesTheSidebarsNextSave() throws Exception {
        ProfileStore sidebar = new ProfileStore(dir);
        sidebar.save(List.of(http("notes", "http://127.0.0.1:3000/mcp"), http("other", "http://127.0.0.1:3001/mcp")));
        assertThat(sidebar.load()).hasSize(2);

        sidebar.profiles().updateProfile("notes", p -> ProfileAnalysisState.withSuppressions(p, ACCEPTED));
        sidebar.save(List.of(http("notes", "http://127.0.0.1:4000/mcp"), http("other", "http://127.0.0.1:3001/mcp")));

        assertThat(savedSuppressions("notes")).isEqualTo(ACCEPTED);
        assertThat(new ProfileStore(dir).load()).extracting(ProfileFields::url)
                .containsExactly("http://127.0.0.1:4000/mcp", "http://127.0.0.1:3001/mcp");
    }

    @Test
    void renamingAConnectionTakesItsSuppressionsAlong() throws Exception {
        ProfileStore sidebar = new ProfileStore(dir);
        sidebar.save(List.of(http("notes", "http://127.0.0.1:3000/mcp")));
        sidebar.profiles().updateProfile("notes", p -> ProfileAnalysisState.withSuppressions(p, ACCEPTED));

        sidebar.renamed("notes", "notes (staging)");
        sidebar.save(List.of(http("notes (staging)", "http://127.0.0.1:3000/mcp")));

        assertThat(savedSuppressions("notes (staging)")).isEqualTo(ACCEPTED);
        assertThat(new dev.mcpworkbench.inspector.profile.ProfileStore(dir).find("notes")).isEmpty();
    }

    @Test
    void aDeletedConnectionsSuppressionsDoNotComeBackWithANewOneOfTheSameName() throws Exception {
        ProfileStore sidebar = new ProfileStore(dir);
        sidebar.save(List.of(http("notes", "http://127.0.0.1:3000/mcp")));
        sidebar.profiles().updateProfile("notes", p -> ProfileAnalysisState.withSuppressions(p, ACCEPTED));
        sidebar.load();

        sidebar.save(List.of());
        sidebar.save(List.of(http("notes", "http://127.0.0.1:5000/mcp")));

        assertThat(savedSuppressions("notes").items()).isEmpty();
    }
}
