package dev.mcpworkbench.app.ui.findings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.inspector.rules.Category;
import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.Location;
import dev.mcpworkbench.inspector.rules.RuleMetadata;
import dev.mcpworkbench.inspector.rules.Severity;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import java.util.ArrayList;
import java.util.List;

/** Findings for view tests (until the rule engine is merged). */
final class FindingsFixture {

    static final RuleMetadata SCHEMA_001 = new RuleMetadata("SCHEMA-001", "Unconstrained string", Category.SCHEMA,
            Severity.MEDIUM, List.of("MCP05"), "Free strings let an agent pass anything.", false);

    private FindingsFixture() {
    }

    static List<Finding> scan(ServerSnapshot snapshot) {
        List<Finding> out = new ArrayList<>();
        for (JsonNode tool : snapshot.tools()) {
            String name = ServerSnapshot.nameOf(tool);
            tool.path("inputSchema").path("properties").fields().forEachRemaining(p -> {
                if (!SurfaceStats.isConstrained(p.getValue())) {
                    boolean readOnly = tool.path("annotations").path("readOnlyHint").asBoolean(false);
                    out.add(new Finding("SCHEMA-001", readOnly ? Severity.LOW : Severity.MEDIUM,
                            "Parameter " + p.getKey() + " accepts any value",
                            Location.tool(name, "/inputSchema/properties/" + p.getKey()),
                            p.getValue().toString(), "Add a pattern, enum or maxLength.", List.of()));
                }
            });
        }
        return out;
    }

    static RuleMetadata rule(String id) {
        return id.equals(SCHEMA_001.id()) ? SCHEMA_001 : null;
    }
}
