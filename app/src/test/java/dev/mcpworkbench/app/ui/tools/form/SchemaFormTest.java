package dev.mcpworkbench.app.ui.tools.form;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.app.ui.common.Fx;
import dev.mcpworkbench.app.ui.common.Json;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SchemaFormTest {

    @BeforeAll
    static void toolkit() throws Exception {
        Fx.init();
    }

    private static JsonNode json(String s) throws Exception {
        return Json.parse(s);
    }

    private static <T extends Node> T find(Node root, String id, Class<T> type) {
        Node row = root.lookup("#field-" + id);
        assertThat(row).as("row for " + id).isNotNull();
        return ((Parent) row).getChildrenUnmodifiable().stream()
                .filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " for " + id));
    }

    @Test
    void everyScalarKindGetsItsEditorAndProducesTypedValues() throws Exception {
        JsonNode schema = json("""
                {"type":"object","required":["name","count"],"properties":{
                  "name":{"type":"string","description":"who"},
                  "count":{"type":"integer","minimum":1,"maximum":10},
                  "ratio":{"type":"number"},
                  "flag":{"type":"boolean"},
                  "mode":{"type":"string","enum":["fast","slow"]},
                  "fixed":{"const":"x"}}}""");
        JsonNode value = Fx.call(() -> {
            SchemaForm form = new SchemaForm(schema);
            Node root = form.node();
            find(root, "name", TextField.class).setText("Ada");
            find(root, "count", TextField.class).setText("7");
            find(root, "ratio", TextField.class).setText("0.5");
            CheckBox flag = find(root, "flag", CheckBox.class);
            assertThat(flag.isIndeterminate()).as("optional boolean starts unset").isTrue();
            flag.setIndeterminate(false);
            flag.setSelected(true);
            @SuppressWarnings("unchecked")
            ComboBox<JsonNode> mode = find(root, "mode", ComboBox.class);
            assertThat(mode.getItems()).hasSize(2);
            mode.setValue(mode.getItems().get(1));
            return form.value();
        });
        assertThat(value.toString()).isEqualTo(json("{\"name\":\"Ada\",\"count\":7,\"ratio\":0.5,\"flag\":true,\"mode\":\"slow\"}").toString());
    }

    @Test
    void requiredFieldsAreMarkedAndDescriptionsShown() throws Exception {
        JsonNode schema = json("{\"type\":\"object\",\"required\":[\"a\"],\"properties\":{\"a\":{\"type\":\"string\",\"description\":\"the a\"},\"b\":{\"type\":\"string\"}}}");
        Fx.run(() -> {
            Node root = new SchemaForm(schema).node();
            assertThat(root.lookup("#field-a").lookup(".required-mark")).isNotNull();
            assertThat(root.lookup("#field-b").lookup(".required-mark")).isNull();
            assertThat(((javafx.scene.control.Label) root.lookup("#field-a").lookup(".field-help")).getText()).isEqualTo("the a");
        });
    }

    @Test
    void numberOutOfBoundsIsFlaggedButKept() throws Exception {
        JsonNode schema = json("{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":5}}}");
        Fx.run(() -> {
            SchemaForm form = new SchemaForm(schema);
            TextField n = find(form.node(), "n", TextField.class);
            n.setText("9");
            assertThat(n.getPseudoClassStates()).extracting(Object::toString).contains("invalid");
            assertThat(form.value().get("n").asInt()).isEqualTo(9);
            n.setText("abc");
            assertThat(form.value().get("n").asText()).as("non-numbers are kept as typed").isEqualTo("abc");
            n.setText("3");
            assertThat(n.getPseudoClassStates()).extracting(Object::toString).doesNotContain("invalid");
        });
    }

    @Test
    void arraysAddAndRemoveItems() throws Exception {
        JsonNode schema = json("{\"type\":\"object\",\"properties\":{\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}}}");
        Fx.run(() -> {
            SchemaForm form = new SchemaForm(schema);
            Node row = form.node().lookup("#field-tags");
            assertThat(form.value().has("tags")).as("untouched array is omitted").isFalse();
            Button add = (Button) row.lookup(".add-item");
            add.fire();
            add.fire();
            var fields = row.lookupAll(".text-field").stream().map(TextField.class::cast).toList();
            fields.get(0).setText("a");
            fields.get(1).setText("b");
            assertThat(form.value().get("tags").toString()).isEqualTo("[\"a\",\"b\"]");
            ((Button) row.lookup(".remove-item")).fire();
            assertThat(form.value().get("tags").toString()).isEqualTo("[\"b\"]");
        });
    }

    @Test
    void nestedObjectsAndRefsAreFollowed() throws Exception {
        JsonNode schema = json("""
                {"type":"object","$defs":{"Point":{"type":"object","properties":{"x":{"type":"number"},"y":{"type":"number"}}}},
                 "properties":{"at":{"$ref":"#/$defs/Point"},"maybe":{"anyOf":[{"type":"integer"},{"type":"null"}]}}}""");
        JsonNode value = Fx.call(() -> {
            SchemaForm form = new SchemaForm(schema);
            Node at = form.node().lookup("#field-at");
            ((TextField) at.lookup("#field-x").lookup(".text-field")).setText("1");
            ((TextField) at.lookup("#field-y").lookup(".text-field")).setText("2");
            find(form.node(), "maybe", TextField.class).setText("4");
            return form.value();
        });
        assertThat(value.toString()).isEqualTo(json("{\"at\":{\"x\":1,\"y\":2},\"maybe\":4}").toString());
    }

    @Test
    void unknownSchemasGetAJsonBoxAndRecursiveSchemasEnd() throws Exception {
        JsonNode schema = json("""
                {"type":"object","properties":{"any":{},"tree":{"$ref":"#/$defs/Node"}},
                 "$defs":{"Node":{"type":"object","properties":{"child":{"$ref":"#/$defs/Node"}}}}}""");
        JsonNode value = Fx.call(() -> {
            SchemaForm form = new SchemaForm(schema);
            TextArea any = find(form.node(), "any", TextArea.class);
            any.setText("[1, 2]");
            return form.value();
        });
        assertThat(value.get("any").toString()).isEqualTo("[1,2]");
    }

    @Test
    void setValueShowsValuesWithoutReportingChanges() throws Exception {
        JsonNode schema = json("{\"type\":\"object\",\"properties\":{\"s\":{\"type\":\"string\"},\"b\":{\"type\":\"boolean\"}}}");
        Fx.run(() -> {
            SchemaForm form = new SchemaForm(schema);
            int[] changes = {0};
            form.setOnChange(() -> changes[0]++);
            try {
                form.setValue(json("{\"s\":\"hi\",\"b\":false,\"extra\":{\"k\":1}}"));
                assertThat(changes[0]).isZero();
                assertThat(find(form.node(), "s", TextField.class).getText()).isEqualTo("hi");
                assertThat(form.value()).as("undeclared fields are kept").isEqualTo(json("{\"s\":\"hi\",\"b\":false,\"extra\":{\"k\":1}}"));
                find(form.node(), "s", TextField.class).setText("ho");
                assertThat(changes[0]).isEqualTo(1);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }
}
