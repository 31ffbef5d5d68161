package dev.mcpworkbench.inspector.rules.schema;

import dev.mcpworkbench.inspector.rules.*;
import java.util.ArrayList;
import java.util.List;

/** SCHEMA-001: strings the model may fill with anything, including an injected payload. */
public final class UnconstrainedString implements StaticRule {

    public static final RuleMetadata META = RuleSupport.meta("SCHEMA-001", "Unconstrained string", Category.SCHEMA,
            Severity.MEDIUM, List.of("MCP05"),
            "A string with no enum, pattern, format or maxLength passes whatever the model produces straight to the server's code: paths, queries and commands included.");

    @Override
    public RuleMetadata metadata() {
        return META;
    }

    @Override
    public boolean judgesItemsAlone() {
        return true;
    }

    @Override
    public List<Finding> check(ScanSubject s) {
        List<Finding> out = new ArrayList<>();
        for (ToolView tool : s.tools()) {
            List<String> loose = new ArrayList<>();
            int strings = 0;
            String firstPointer = null;
            for (SchemaNode n : tool.inputWalk().nodes()) {
                if (!n.hasType("string") || n.ownerName() == null) continue;
                if (n.role() != SchemaNode.Role.PROPERTY && n.role() != SchemaNode.Role.ITEMS) continue;
                strings++;
                if (n.isUnconstrainedString()) {
                    loose.add(n.ownerName());
                    if (firstPointer == null) firstPointer = n.pointer();
                }
            }
            if (loose.isEmpty()) continue;
            Severity sev = tool.readOnly() ? Severity.LOW : Severity.MEDIUM;
            String pointer = loose.size() == 1 ? firstPointer : "/inputSchema";
            out.add(RuleSupport.finding(META, sev,
                    loose.size() + " of " + strings + " string parameters of '" + tool.name() + "' are unconstrained ("
                            + Math.round(100.0 * loose.size() / strings) + "%)" + (tool.readOnly() ? "" : "; the tool is not read-only"),
                    tool.location(pointer), RuleSupport.list(loose, 10),
                    "Give each string an enum, a pattern, a format or at least a maxLength that fits its purpose (e.g. a path pattern under the allowed root)."));
        }
        return out;
    }
}
