package dev.mcpworkbench.inspector.rules.dynamic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.inspector.payload.scan.PersonalDataScanner;
import dev.mcpworkbench.inspector.payload.scan.SecretMatch;
import dev.mcpworkbench.inspector.rules.Category;
import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.RuleMetadata;
import dev.mcpworkbench.inspector.rules.RuleSetting;
import dev.mcpworkbench.inspector.rules.RuleSettings;
import dev.mcpworkbench.inspector.rules.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * OUTPUT-005: personal data in a result. High when the outputSchema does not declare the field
 * (the tool leaks it by accident), medium when it does (it is the tool's purpose, still worth
 * a look).
 */
public final class PersonalDataRule implements StringRule {

    private static final RuleMetadata METADATA = new RuleMetadata("OUTPUT-005", "Personal data in output", Category.OUTPUT,
            Severity.HIGH, List.of("MCP10"),
            "Personal data in a tool result reaches the model, the client's logs and whatever the model is later "
                    + "asked to write. Returning it when the task does not need it turns every transcript into a privacy incident.",
            true);

    private final PersonalDataScanner scanner = new PersonalDataScanner();

    static final RuleSetting MAX_FINDINGS = RuleSetting.of("maxFindings", 50, "findings reported per response at most");

    @Override
    public List<RuleSetting> settings() {
        return List.of(MAX_FINDINGS);
    }

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public Pass start(ToolExchange ex, RuleSettings settings) {
        int max = settings.integer(id(), MAX_FINDINGS);
        Set<String> declared = declaredFields(ex.outputSchema());
        List<Finding> out = new ArrayList<>();
        return new Pass() {
            @Override
            public boolean accept(PayloadStrings.Spot spot, CharSequence value) {
                return report(ex, declared, spot, value, out, max);
            }

            @Override
            public List<Finding> finish() {
                return out;
            }
        };
    }

    /** Adds the personal data found in {@code value}; false once {@code max} findings are reported. */
    private boolean report(ToolExchange ex, Set<String> declared, PayloadStrings.Spot spot, CharSequence value, List<Finding> out, int max) {
        List<SecretMatch> found = scanner.scan(value);
        // by index: an iterator per string, even over an empty list, was an object per string of the result
        for (int i = 0; i < found.size(); i++) {
            SecretMatch m = found.get(i);
            String key = spot.key();
            boolean isDeclared = key != null && declared.contains(key);
            Severity sev = isDeclared ? Severity.MEDIUM : Severity.HIGH;
            out.add(DynamicFindings.onResult(this, sev, ex.toolName(), spot.pointer(),
                    m.kind().label() + " in the result of " + ex.toolName()
                            + (isDeclared ? " (declared in outputSchema as \"" + key + "\")" : " in a field the outputSchema does not declare"),
                    m.masked(), "Return only the personal fields the task needs, declare them in outputSchema, and mask the rest (e.g. j***@example.com)."));
            if (out.size() >= max) return false;
        }
        return true;
    }

    static Set<String> declaredFields(JsonNode schema) {
        Set<String> names = new HashSet<>();
        collect(schema, names, 0);
        return names;
    }

    private static void collect(JsonNode node, Set<String> names, int depth) {
        if (node == null || depth > 64 || !node.isContainerNode()) return;
        JsonNode props = node.get("properties");
        if (props != null && props.isObject()) props.fieldNames().forEachRemaining(names::add);
        for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) collect(it.next(), names, depth + 1);
    }
}
