package dev.mcpworkbench.inspector.rules.dynamic.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.inspector.payload.Payload;
import dev.mcpworkbench.inspector.payload.PayloadParser;
import dev.mcpworkbench.inspector.payload.PayloadTooLargeException;
import dev.mcpworkbench.inspector.payload.scan.SecretScanner;
import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.RuleSettings;
import dev.mcpworkbench.inspector.rules.compat.SdkClientCompatibility;
import dev.mcpworkbench.inspector.rules.dynamic.SecretInOutputRule;
import dev.mcpworkbench.inspector.rules.dynamic.DynamicRuleRegistry;
import dev.mcpworkbench.inspector.rules.dynamic.InputProbe;
import dev.mcpworkbench.inspector.rules.dynamic.SessionEvidence;
import dev.mcpworkbench.inspector.rules.dynamic.ToolExchange;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls a server's tools and runs the dynamic rules on every exchange. By default only tools
 * annotated read-only are called, with arguments generated from their schemas; writes, a calls
 * file and SCHEMA-007's crafted inputs are opt-in. Tool lists are taken before, after the first
 * call and at the end, for DRIFT-002.
 */
public final class Exerciser {

    /** Everything one exercise produced. {@code notes} says what was skipped and why. */
    public record Report(List<ToolExchange> exchanges, List<Finding> findings, SessionEvidence evidence, List<String> notes) {
    }

    private final ExerciseOptions options;
    private final DynamicRuleRegistry rules;
    private final RuleSettings settings;
    private final PayloadParser parser;
    /** When the running exercise's overall limit ends (System.nanoTime), and whether that was already said. */
    private long deadline;
    private boolean limitReported;

    public Exerciser(ExerciseOptions options, DynamicRuleRegistry rules, RuleSettings settings) {
        this.options = options;
        this.rules = rules;
        this.settings = settings;
        this.parser = new PayloadParser(options.limits(), new SecretScanner(
                settings.number("OUTPUT-004", SecretInOutputRule.MIN_ENTROPY), settings.integer("OUTPUT-004", SecretInOutputRule.MIN_LENGTH)));
    }

    /**
     * @param transportEvidence origin and session probes of an HTTP endpoint, or null for stdio
     */
    public Report run(ToolCaller caller, SessionEvidence transportEvidence) throws Exception {
        deadline = System.nanoTime() + options.overallLimit().toNanos();
        limitReported = false;
        List<SessionEvidence.ToolListObservation> lists = new ArrayList<>();
        JsonNode tools = caller.listTools();
        lists.add(new SessionEvidence.ToolListObservation("initially", tools));
        List<String> notes = new ArrayList<>();
        compareWithAnotherClient(caller, lists, notes);
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        for (JsonNode t : tools) byName.put(t.path("name").asText(), t);
        List<ToolExchange> exchanges = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        List<ExerciseOptions.PlannedCall> planned = plan(byName, notes);
        for (int i = 0; i < planned.size(); i++) {
            if (outOfTime(notes, (planned.size() - i) + " of " + planned.size() + " planned calls")) break;
            ExerciseOptions.PlannedCall call = planned.get(i);
            ToolExchange ex = execute(caller, call.tool(), byName.get(call.tool()), call.arguments(), null, findings, notes);
            record(ex, exchanges, findings);
            if (exchanges.size() == 1) lists.add(new SessionEvidence.ToolListObservation("after the first tools/call", caller.listTools()));
        }
        if (options.probeInputs()) probe(caller, byName, exchanges, findings, notes);
        lists.add(new SessionEvidence.ToolListObservation("on a repeated tools/list", caller.listTools()));
        SessionEvidence evidence = new SessionEvidence(lists,
                transportEvidence == null ? null : transportEvidence.origin(),
                transportEvidence == null ? null : transportEvidence.sessions());
        findings.addAll(rules.check(evidence, settings));
        return new Report(exchanges, findings, evidence, notes);
    }

    /** Cloaking: a server that shows scanners a clean list and agents the real one. Run before any call. */
    private void compareWithAnotherClient(ToolCaller caller, List<SessionEvidence.ToolListObservation> lists, List<String> notes) {
        String client = options.cloakCheckClient();
        if (client == null) return;
        try {
            JsonNode other = caller.listToolsAsClient(client);
            if (other == null) notes.add("Did not compare with a client named " + client + ": this connection cannot open a second session");
            else lists.add(new SessionEvidence.ToolListObservation("to a client named " + client, other, true));
        } catch (Exception e) {
            notes.add("Could not list tools as a client named " + client + ": " + e.getMessage());
        }
    }

    private List<ExerciseOptions.PlannedCall> plan(Map<String, JsonNode> tools, List<String> notes) {
        if (options.calls() != null) {
            List<ExerciseOptions.PlannedCall> known = new ArrayList<>();
            for (ExerciseOptions.PlannedCall c : options.calls()) {
                JsonNode def = tools.get(c.tool());
                if (def != null && c.arguments() == null) {
                    known.add(new ExerciseOptions.PlannedCall(c.tool(), ArgumentGenerator.generate(def.path("inputSchema"))));
                } else if (def != null) known.add(c);
                else notes.add("Skipped call to " + c.tool() + ": the server has no such tool");
            }
            return known;
        }
        List<ExerciseOptions.PlannedCall> planned = new ArrayList<>();
        for (var e : tools.entrySet()) {
            if (allowed(e.getValue(), false)) planned.add(new ExerciseOptions.PlannedCall(e.getKey(), ArgumentGenerator.generate(e.getValue().path("inputSchema"))));
            else notes.add("Skipped " + e.getKey() + ": not annotated readOnlyHint: true (use --allow-writes to call it)");
        }
        return planned;
    }

    private boolean allowed(JsonNode tool, boolean idempotentIsEnough) {
        if (options.allowWrites()) return true;
        JsonNode a = tool.path("annotations");
        return a.path("readOnlyHint").asBoolean(false) || (idempotentIsEnough && a.path("idempotentHint").asBoolean(false));
    }

    private void probe(ToolCaller caller, Map<String, JsonNode> tools, List<ToolExchange> exchanges, List<Finding> findings,
                       List<String> notes) throws IOException {
        try (CanaryServer canary = CanaryServer.start()) {
            for (var e : tools.entrySet()) {
                if (!allowed(e.getValue(), true)) {
                    notes.add("Did not probe " + e.getKey() + " with invalid inputs: not read-only or idempotent (use --allow-writes)");
                    continue;
                }
                JsonNode schema = e.getValue().path("inputSchema");
                ObjectNode valid = ArgumentGenerator.generate(schema);
                for (ProbeInputs.Crafted c : ProbeInputs.craft(schema, valid, canary)) {
                    if (outOfTime(notes, "the input probes from " + e.getKey() + " on")) return;
                    ToolExchange ex = execute(caller, e.getKey(), e.getValue(), c.arguments(), c.probe(), null, notes);
                    if (c.canaryToken() != null && canary.wasHit(c.canaryToken())) {
                        ex = new ToolExchange(ex.toolName(), ex.toolDefinition(), ex.arguments(), ex.result(), ex.error(),
                                ex.stderr(), ex.elapsed(), c.probe().withCanaryHit(true));
                    }
                    record(ex, exchanges, findings);
                }
            }
        }
    }

    /**
     * One call. When {@code compatFindings} is given, the result as received also goes through the
     * official SDK client's deserialization (COMPAT-001); probes pass null: their answers to
     * crafted inputs say nothing new about what the SDK accepts.
     */
    private ToolExchange execute(ToolCaller caller, String tool, JsonNode definition, JsonNode args, InputProbe probe,
                                 List<Finding> compatFindings, List<String> notes) {
        long start = System.nanoTime();
        ToolCaller.Outcome outcome = caller.call(tool, args, Duration.ofNanos(Math.max(1_000_000, deadline - start)));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        if (outcome.timedOut()) {
            notes.add("The call to " + tool + (probe == null ? "" : " with an invalid input") + " timed out ("
                    + outcome.error().message() + "): its answer could not be judged");
        }
        Payload payload = null;
        ToolExchange.RpcError error = outcome.error();
        if (outcome.resultJson() != null) {
            try {
                payload = parser.parse(outcome.resultJson());
                if (compatFindings != null) compatFindings.addAll(checkWithSdk(tool, outcome.resultJson()));
            } catch (PayloadTooLargeException tooLarge) {
                error = new ToolExchange.RpcError(0, tooLarge.getMessage(), "");
            }
        }
        return new ToolExchange(tool, definition, args, payload, error, caller.drainStderr(), elapsed, probe);
    }

    /** True, once saying what is skipped, when the overall limit has run out. */
    private boolean outOfTime(List<String> notes, String skipped) {
        if (System.nanoTime() - deadline < 0) return false;
        if (!limitReported) {
            notes.add("Skipped " + skipped + ": the exercise reached its overall limit of " + human(options.overallLimit()));
            limitReported = true;
        }
        return true;
    }

    private static String human(Duration d) {
        long s = d.toSeconds();
        return s % 60 == 0 && s >= 60 ? s / 60 + " min" : s + " s";
    }

    /** Only results within the payload limits reach here: the SDK then reads what the parser read. */
    private static List<Finding> checkWithSdk(String tool, byte[] resultJson) {
        try {
            return SdkClientCompatibility.checkToolResult(tool, RESULT_READER.readTree(resultJson));
        } catch (IOException notJson) {
            return List.of(); // the payload parser has already said what is wrong with it
        }
    }

    private static final ObjectMapper RESULT_READER = new ObjectMapper();

    private void record(ToolExchange ex, List<ToolExchange> exchanges, List<Finding> findings) {
        exchanges.add(ex);
        findings.addAll(rules.check(ex, settings));
    }
}
