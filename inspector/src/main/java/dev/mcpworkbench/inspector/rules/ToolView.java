package dev.mcpworkbench.inspector.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.inspector.rules.SchemaNode;
import dev.mcpworkbench.inspector.rules.SchemaWalk;
import dev.mcpworkbench.inspector.rules.text.Identifiers;
import dev.mcpworkbench.inspector.rules.text.Texts;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A tool definition read defensively: every field may be missing or of the wrong type. */
public final class ToolView {

    private final JsonNode raw;
    private final int index;
    private final String name;
    private SchemaWalk inputWalk;
    private List<String> nameWords;
    private String nameText;
    private String normalizedDescription;
    // about a dozen rules ask for these per tool; filtering the walk each time showed in profiles
    private List<SchemaNode> parameters;
    private List<SchemaNode> namedProperties;

    // the effective hints: most rules ask for them, each lookup is two map reads into the JSON
    private final boolean readOnly;
    private final boolean destructive;
    private final boolean openWorld;

    public ToolView(JsonNode raw, int index) {
        this.raw = raw;
        this.index = index;
        this.name = ServerSnapshot.nameOf(raw);
        this.readOnly = hint("readOnlyHint").orElse(false);
        this.destructive = !readOnly && hint("destructiveHint").orElse(true);
        this.openWorld = hint("openWorldHint").orElse(true);
    }

    /** Computes the lazily cached views up front, so rules running in parallel only read. */
    void prepare() {
        normalizedDescription();
        nameText();
        parameters();
        namedProperties();
    }

    public JsonNode raw() {
        return raw;
    }

    public int index() {
        return index;
    }

    /** The tool's name, or {@code #<index>} when it has none, so a finding can still point at it. */
    public String name() {
        return name.isEmpty() ? "#" + index : name;
    }

    public String description() {
        return Texts.textField(raw, "description");
    }

    public String title() {
        return Texts.textField(raw, "title");
    }

    /** NFKC, invisible characters removed, lower case: the form text rules match on. */
    public String normalizedDescription() {
        if (normalizedDescription == null) normalizedDescription = Texts.normalize(description());
        return normalizedDescription;
    }

    /** Lower-case words of the name: {@code read_text_file}, {@code readTextFile} → read, text, file. */
    public List<String> nameWords() {
        if (nameWords == null) nameWords = Identifiers.words(name);
        return nameWords;
    }

    /** The name's words joined by spaces ({@code read text file}), for word patterns. */
    public String nameText() {
        if (nameText == null) nameText = String.join(" ", nameWords());
        return nameText;
    }

    public String firstNameWord() {
        return nameWords().isEmpty() ? "" : nameWords().get(0);
    }

    public JsonNode inputSchema() {
        return raw.path("inputSchema");
    }

    public JsonNode outputSchema() {
        return raw.path("outputSchema");
    }

    public boolean hasAnnotations() {
        return raw.path("annotations").isObject();
    }

    /** An annotation hint as declared, empty when absent or not a boolean. */
    public Optional<Boolean> hint(String hintName) {
        JsonNode value = raw.path("annotations").path(hintName);
        return value.isBoolean() ? Optional.of(value.booleanValue()) : Optional.empty();
    }

    /** The hint's effective value: the spec's worst-case default when the server declared none. */
    public boolean readOnly() {
        return readOnly;
    }

    public boolean destructive() {
        return destructive;
    }

    public boolean openWorld() {
        return openWorld;
    }

    /** Every sub-schema of inputSchema, walked iteratively with a depth cap. */
    public SchemaWalk inputWalk() {
        if (inputWalk == null) inputWalk = SchemaWalk.of(inputSchema(), "/inputSchema");
        return inputWalk;
    }

    /** The top-level parameters (properties of the input schema root). */
    public List<SchemaNode> parameters() {
        if (parameters == null) {
            List<SchemaNode> params = new ArrayList<>();
            for (SchemaNode node : inputWalk().nodes()) {
                if (node.isTopLevelProperty()) params.add(node);
            }
            parameters = List.copyOf(params);
        }
        return parameters;
    }

    /** Properties at any depth (named sub-schemas), including array items of named properties. */
    public List<SchemaNode> namedProperties() {
        if (namedProperties == null) {
            List<SchemaNode> props = new ArrayList<>();
            for (SchemaNode node : inputWalk().nodes()) {
                if (node.propertyName() != null) props.add(node);
            }
            namedProperties = List.copyOf(props);
        }
        return namedProperties;
    }

    public Location location(String pointer) {
        return Location.tool(name(), pointer);
    }
}
