package dev.mcpworkbench.inspector.rules.compat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.inspector.rules.*;
import dev.mcpworkbench.inspector.rules.text.Texts;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * COMPAT-001: what the official MCP Java SDK client would reject or alter on receipt. Every
 * captured answer (the InitializeResult, each listed tool, resource, template and prompt, and the
 * tool-call results the exerciser captured) goes through the SDK's own deserialization; what it
 * throws on is a rejection, what it changes or fills in is an alteration (what it drops is not
 * the server's doing: see {@link ReceiptDiff}). Measured on SDK 2.1.0: a malformed field rejects
 * the whole list page, an unknown content type rejects a call's result, a revision it does not
 * speak fails the session; a tool without inputSchema gets {}, a missing name "", a number sent
 * as a string becomes a number.
 */
public final class SdkClientCompatibility implements StaticRule {

    public static final RuleMetadata META = RuleSupport.meta("COMPAT-001", "Rejected or altered by the official MCP Java SDK client",
            Category.COMPAT, Severity.MEDIUM, List.of("MCP04"),
            "Agents built on the official MCP Java SDK see only what its client accepts: one malformed item loses the whole list, "
                    + "and fields it drops or rewrites were reviewed here but never reach the agent.");

    @Override
    public RuleMetadata metadata() {
        return META;
    }

    @Override
    public List<Finding> check(ScanSubject s) {
        ServerSnapshot snapshot = s.snapshot();
        List<Finding> out = new ArrayList<>(checkInitialize(snapshot.initialize()));
        checkItems(snapshot.tools(), SdkReceipt.TOOL, Location.Kind.TOOL, "name", out);
        checkItems(snapshot.resources(), SdkReceipt.RESOURCE, Location.Kind.RESOURCE, "uri", out);
        checkItems(snapshot.resourceTemplates(), SdkReceipt.RESOURCE_TEMPLATE, Location.Kind.RESOURCE_TEMPLATE, "uriTemplate", out);
        checkItems(snapshot.prompts(), SdkReceipt.PROMPT, Location.Kind.PROMPT, "name", out);
        return out;
    }

    /** The same check on one tools/call result as received (for the exerciser, which captures results). */
    public static List<Finding> checkToolResult(String toolName, JsonNode result) {
        List<Finding> out = new ArrayList<>();
        SdkReceipt.Outcome outcome = SdkReceipt.callToolResult(result);
        Location.Kind kind = Location.Kind.TOOL_RESULT;
        if (outcome.rejected()) {
            out.add(rejection("the result of a call to '" + toolName + "'", "the call fails for the agent",
                    new Location(kind, toolName, outcome.pointer()), outcome, result));
        } else {
            addAlterations(result, outcome.kept(), kind, toolName, "the result of '" + toolName + "'", out);
        }
        return out;
    }

    private static List<Finding> checkInitialize(JsonNode initialize) {
        if (initialize.isEmpty()) return List.of(); // a snapshot file without its InitializeResult: nothing was received
        List<Finding> out = new ArrayList<>();
        SdkReceipt.Outcome outcome = SdkReceipt.initializeResult(initialize);
        if (outcome.rejected()) {
            out.add(rejection("the InitializeResult", "the client fails to connect",
                    new Location(Location.Kind.SERVER, "", outcome.pointer()), outcome, initialize));
            return out;
        }
        String version = initialize.path("protocolVersion").asText("");
        List<String> accepted = SdkReceipt.acceptedProtocolVersions();
        if (!accepted.contains(version)) {
            out.add(RuleSupport.finding(META, Severity.MEDIUM,
                    "The official Java SDK client would reject the session: it does not speak protocol revision '" + version + "'",
                    new Location(Location.Kind.SERVER, "", "/protocolVersion"), version,
                    "Answer initialize with the revision the client asked for when you support it, else with one you support "
                            + "that clients know (the SDK client asks for " + accepted.get(accepted.size() - 1) + " and accepts "
                            + String.join(", ", accepted) + "); a client may then disconnect, but never on a revision it cannot read."));
        }
        addAlterations(initialize, outcome.kept(), Location.Kind.SERVER, "", "the InitializeResult", out);
        return out;
    }

    private static void checkItems(List<JsonNode> items, SdkReceipt.Kind kind, Location.Kind where, String nameField,
                                       List<Finding> out) {
        // each item is read on its own: on large servers, on all cores (10,000 tools took a second on one)
        IntStream indexes = IntStream.range(0, items.size());
        (items.size() >= PARALLEL_FROM ? indexes.parallel() : indexes)
                .mapToObj(i -> checkItem(items.get(i), kind, where, nameField))
                .toList()
                .forEach(out::addAll);
    }

    private static final int PARALLEL_FROM = 64;

    private static List<Finding> checkItem(JsonNode item, SdkReceipt.Kind kind, Location.Kind where, String nameField) {
        String noun = where.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        String name = item.path(nameField).isValueNode() ? item.path(nameField).asText() : "";
        String what = noun + (name.isEmpty() ? "" : " '" + name + "'");
        SdkReceipt.Outcome outcome = SdkReceipt.item(kind, item);
        List<Finding> out = new ArrayList<>();
        if (outcome.rejected()) {
            out.add(rejection("the " + kind.listField() + "/list answer because of " + what,
                    "every " + noun + " of that page is lost to the agent", new Location(where, name, outcome.pointer()), outcome, item));
        } else {
            addAlterations(item, outcome.kept(), where, name, what, out);
        }
        return out;
    }

    private static Finding rejection(String what, String consequence, Location where, SdkReceipt.Outcome outcome, JsonNode sent) {
        JsonNode at = where.jsonPointer().isEmpty() ? sent : sent.at(where.jsonPointer());
        return RuleSupport.finding(META, Severity.MEDIUM,
                "The official Java SDK client would reject " + what + " (" + consequence + "): " + outcome.reason(),
                where, evidence(at),
                "Make " + (where.jsonPointer().isEmpty() ? "it" : where.jsonPointer()) + " match the type the MCP schema gives it; "
                        + "test the server with the official SDK clients, which reject what they cannot read.");
    }

    private static void addAlterations(JsonNode sent, JsonNode kept, Location.Kind where, String name, String what, List<Finding> out) {
        for (ReceiptDiff.Difference d : ReceiptDiff.between(sent, kept)) {
            Location location = new Location(where, name, d.pointer());
            out.add(switch (d.change()) {
                case ALTERED -> RuleSupport.finding(META, Severity.LOW,
                        "The official Java SDK client would change " + d.pointer() + " of " + what + " from " + evidence(d.sent())
                                + " to " + evidence(d.kept()),
                        location, evidence(d.sent()),
                        "Send the value with the JSON type the MCP schema gives it (a string as a string, a number within double precision).");
                case FILLED_IN -> RuleSupport.finding(META, Severity.LOW,
                        "The official Java SDK client would fill in the missing required " + d.pointer() + " of " + what + " with "
                                + evidence(d.kept()),
                        location, "(missing)",
                        "Send " + d.pointer() + ": the MCP schema requires it, and clients otherwise guess.");
            });
        }
    }

    private static String evidence(JsonNode value) {
        if (value == null || value.isMissingNode()) return "(missing)";
        int depth = SdkReceipt.depthOf(value);
        if (depth > MAX_EVIDENCE_DEPTH) return "(a JSON " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " nested " + depth + " levels deep)";
        return Texts.clip(value.toString(), 200);
    }

    /** Deeper than this, evidence says how deep instead of printing the value (Jackson refuses to write past 1,000). */
    private static final int MAX_EVIDENCE_DEPTH = 64;
}
