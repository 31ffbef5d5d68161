package dev.mcpworkbench.app.ui.skills;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.app.ui.common.FxTasks;
import dev.mcpworkbench.app.ui.workspace.LiveServer;
import dev.mcpworkbench.inspector.connect.ConnectOptions;
import dev.mcpworkbench.inspector.connect.McpConnection;
import dev.mcpworkbench.inspector.connect.ServerTarget;
import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.skills.SkillEntry;
import dev.mcpworkbench.inspector.skills.SkillLoad;
import dev.mcpworkbench.inspector.skills.SkillsClient;
import dev.mcpworkbench.lab.Lab;
import dev.mcpworkbench.lab.LabSpec;
import dev.mcpworkbench.lab.RunningLab;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Skills tab's model against the secure lab server over loopback HTTP, without a screen. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SkillsModelTest {

    /** The inspector's skills client behind the workspace's interface, as the desktop's session puts it. */
    private record Server(McpConnection connection) implements LiveServer {
        @Override
        public JsonNode call(String tool, ObjectNode arguments, Consumer<Progress> onProgress) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonNode readResource(String uri) throws Exception {
            return connection.readResource(uri);
        }

        @Override
        public JsonNode getPrompt(String name, Map<String, String> arguments) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<List<SkillEntry>> listSkills() throws Exception {
            return Optional.of(new SkillsClient(connection).list());
        }

        @Override
        public SkillLoad loadSkill(SkillEntry skill) {
            return new SkillsClient(connection).load(skill);
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        while (!condition.getAsBoolean()) Thread.sleep(20);
    }

    @Test
    void listsOnFollowLoadsOnRequestAndForgetsOnDisconnect() throws Exception {
        try (RunningLab lab = Lab.start(LabSpec.secure());
             McpConnection connection = McpConnection.open(new ServerTarget.StreamableHttp(lab.mcpUrl(), Map.of()),
                     ConnectOptions.defaults().withRequestTimeout(Duration.ofSeconds(20)))) {
            SkillsModel model = new SkillsModel(new FxTasks(Runnable::run));
            List<Finding> findings = new ArrayList<>();
            model.onFindings(findings::addAll);

            model.follow(new Server(connection));
            await(() -> model.skills().size() == 2);
            assertThat(model.statusProperty().get()).isEqualTo("2 skills listed; a skill's files are read only when you load it.");

            model.load(model.skills().get(1));
            await(() -> model.loadProperty().get() != null);
            assertThat(model.loadProperty().get().loaded()).isTrue();
            assertThat(model.statusProperty().get()).isEqualTo("Loaded tag-notes: 1 file verified.");
            assertThat(findings).isEmpty();

            model.follow(null);
            assertThat(model.skills()).isEmpty();
            assertThat(model.loadProperty().get()).isNull();
        }
    }
}
