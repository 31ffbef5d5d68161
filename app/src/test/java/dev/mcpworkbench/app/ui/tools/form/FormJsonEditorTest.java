package dev.mcpworkbench.app.ui.tools.form;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.app.ui.common.Fx;
import dev.mcpworkbench.app.ui.common.Json;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FormJsonEditorTest {

    private static final String SCHEMA = """
            {"type":"object","properties":{"name":{"type":"string"},"count":{"type":"integer"}}}""";

    @BeforeAll
    static void toolkit() throws Exception {
        Fx.init();
    }

    private static TextField field(FormJsonEditor editor, String name) {
        return (TextField) editor.form().node().lookup("#field-" + name).lookup(".text-field");
    }

    private static JsonNode json(String s) {
        try {
            return Json.parse(s);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void formEditsAreWrittenIntoTheRawJson() throws Exception {
        Fx.run(() -> {
            FormJsonEditor editor = new FormJsonEditor(json(SCHEMA));
            field(editor, "name").setText("Ada");
            field(editor, "count").setText("3");
            assertThat(json(editor.rawArea().getText())).isEqualTo(json("{\"name\":\"Ada\",\"count\":3}"));
            assertThat(editor.arguments()).contains((com.fasterxml.jackson.databind.node.ObjectNode) json("{\"name\":\"Ada\",\"count\":3}"));
        });
    }

    @Test
    void validRawJsonUpdatesTheFormWithoutReformattingTheText() throws Exception {
        Fx.run(() -> {
            FormJsonEditor editor = new FormJsonEditor(json(SCHEMA));
            String typed = "{ \"name\": \"Bo\",   \"count\": 5 }";
            editor.rawArea().setText(typed);
            assertThat(field(editor, "name").getText()).isEqualTo("Bo");
            assertThat(field(editor, "count").getText()).isEqualTo("5");
            assertThat(editor.rawArea().getText()).as("the user's formatting is kept").isEqualTo(typed);
        });
    }

    @Test
    void invalidRawJsonIsKeptAndTheFormDoesNotOverwriteIt() throws Exception {
        Fx.run(() -> {
            FormJsonEditor editor = new FormJsonEditor(json(SCHEMA));
            String broken = "{ \"name\": \"Ada\", \"count\": ";
            editor.rawArea().setText(broken);
            assertThat(editor.validProperty().get()).isFalse();
            assertThat(editor.errorProperty().get()).startsWith("JSON error");
            assertThat(editor.arguments()).isEmpty();
            field(editor, "name").setText("Someone else");
            assertThat(editor.rawArea().getText()).as("form edits never overwrite invalid raw text").isEqualTo(broken);
            editor.rawArea().setText(broken + "4}");
            assertThat(editor.validProperty().get()).isTrue();
            assertThat(field(editor, "name").getText()).isEqualTo("Ada");
            assertThat(field(editor, "count").getText()).isEqualTo("4");
        });
    }

    @Test
    void valuesTheFormCannotShowSurviveARoundTrip() throws Exception {
        Fx.run(() -> {
            FormJsonEditor editor = new FormJsonEditor(json(SCHEMA));
            editor.rawArea().setText("{\"name\": {\"not\": \"a string\"}, \"count\": 1, \"extra\": [1,2]}");
            field(editor, "count").setText("2");
            assertThat(json(editor.rawArea().getText()))
                    .isEqualTo(json("{\"name\":{\"not\":\"a string\"},\"count\":2,\"extra\":[1,2]}"));
        });
    }

    @Test
    void nonObjectArgumentsAreRejectedWithAClearMessage() throws Exception {
        Fx.run(() -> {
            FormJsonEditor editor = new FormJsonEditor(json(SCHEMA));
            editor.rawArea().setText("[1,2]");
            assertThat(editor.validProperty().get()).isFalse();
            assertThat(editor.errorProperty().get()).contains("JSON object");
            assertThat(editor.rawArea().getText()).isEqualTo("[1,2]");
        });
    }
}
