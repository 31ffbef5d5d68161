package dev.mcpworkbench.inspector.rules.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.Location;
import dev.mcpworkbench.inspector.rules.RuleSettings;
import dev.mcpworkbench.inspector.rules.dynamic.DynamicRuleRegistry;
import dev.mcpworkbench.inspector.rules.dynamic.exercise.ExerciseOptions;
import dev.mcpworkbench.inspector.rules.dynamic.exercise.Exerciser;
import dev.mcpworkbench.inspector.rules.dynamic.exercise.ToolCaller;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exerciser runs COMPAT-001 on each result it captured by an ordinary call, as the SDK client would receive it. */
class ExercisedResultsTest {

    private static final ObjectMapper M = new ObjectMapper();

    /** A server's answers as received: one tool whose result carries a content type the SDK does not know. */
    private static final class CannedAnswers implements ToolCaller {
        @Override
        public JsonNode listTools() throws Exception {
            return M.readTree("[{\"name\":\"render\",\"inputSchema\":{\"type\":\"object\"},\"annotations\":{\"readOnlyHint\":true}}]");
        }

        @Override
        public Outcome call(String tool, JsonNode arguments) {
            String result = "{\"content\":[{\"type\":\"video\",\"url\":\"https://example.com/v.mp4\"}]}";
            return new Outcome(result.getBytes(StandardCharsets.UTF_8), null);
        }
    }

    @Test
    void aResultTheSdkRejectsIsReportedOnTheToolResult() throws Exception {
        Exerciser.Report report = new Exerciser(ExerciseOptions.readOnly(), DynamicRuleRegistry.standard(), RuleSettings.defaults())
                .run(new CannedAnswers(), null);
        List<Finding> compat = report.findings().stream().filter(f -> f.ruleId().equals("COMPAT-001")).toList();
        assertThat(compat).singleElement().satisfies(f -> {
            assertThat(f.location()).isEqualTo(new Location(Location.Kind.TOOL_RESULT, "render", "/content/0"));
            assertThat(f.message()).contains("would reject the result of a call to 'render'").contains("video");
        });
    }
}
