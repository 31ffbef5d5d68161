package dev.mcpworkbench.inspector.rules.dynamic;

import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.Rule;
import dev.mcpworkbench.inspector.rules.RuleSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The dynamic rules, listed explicitly (no classpath scanning), and a runner for them. */
public final class DynamicRuleRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(DynamicRuleRegistry.class);

    private final List<DynamicRule> exchangeRules;
    private final List<SessionRule> sessionRules;

    public DynamicRuleRegistry(List<DynamicRule> exchangeRules, List<SessionRule> sessionRules) {
        this.exchangeRules = List.copyOf(exchangeRules);
        this.sessionRules = List.copyOf(sessionRules);
    }

    public static DynamicRuleRegistry standard() {
        return new DynamicRuleRegistry(
                List.of(new OffSchemaOutputRule(), new OversizedResponseRule(), new SecretInOutputRule(),
                        new PersonalDataRule(), new InternalLeakageRule(), new OverFetchRule(),
                        new OutputInjectionRule(), new UnenforcedSchemaRule()),
                List.of(new MidSessionDriftRule(), new OriginNotCheckedRule(), new WeakSessionRule()));
    }

    public List<Rule> all() {
        List<Rule> all = new ArrayList<>(exchangeRules);
        all.addAll(sessionRules);
        return all;
    }

    /**
     * Runs every exchange rule; a rule that throws is logged and skipped, never fatal to the scan.
     * The rules that read the result's strings share one walk over them; the findings come in the
     * rules' order all the same.
     */
    public List<Finding> check(ToolExchange exchange, RuleSettings settings) {
        Map<DynamicRule, List<Finding>> walked = stringRules(exchange, settings);
        List<Finding> out = new ArrayList<>();
        for (DynamicRule r : exchangeRules) {
            if (r instanceof StringRule) {
                out.addAll(walked.getOrDefault(r, List.of()));
                continue;
            }
            try {
                out.addAll(r.check(exchange, settings));
            } catch (RuntimeException e) {
                failed(r, exchange, e);
            }
        }
        return out;
    }

    /** The string rules' findings, from one walk of the result's strings; a rule that throws has none. */
    private Map<DynamicRule, List<Finding>> stringRules(ToolExchange exchange, RuleSettings settings) {
        Map<DynamicRule, StringRule.Pass> passes = new LinkedHashMap<>();
        for (DynamicRule r : exchangeRules) {
            if (!(r instanceof StringRule s)) continue;
            try {
                passes.put(r, s.start(exchange, settings));
            } catch (RuntimeException e) {
                failed(r, exchange, e);
            }
        }
        List<PayloadStrings.Sink> sinks = new ArrayList<>();
        passes.forEach((rule, pass) -> sinks.add((spot, value) -> {
            if (!passes.containsKey(rule)) return false;
            try {
                return pass.accept(spot, value);
            } catch (RuntimeException e) {
                failed(rule, exchange, e);
                passes.remove(rule);
                return false;
            }
        }));
        PayloadStrings.forEach(exchange.result(), sinks);
        Map<DynamicRule, List<Finding>> found = new HashMap<>();
        passes.forEach((rule, pass) -> {
            try {
                found.put(rule, pass.finish());
            } catch (RuntimeException e) {
                failed(rule, exchange, e);
            }
        });
        return found;
    }

    private static void failed(DynamicRule rule, ToolExchange exchange, RuntimeException e) {
        LOG.warn("Rule {} failed on tool {}: {}", rule.id(), exchange.toolName(), e.toString());
    }

    public List<Finding> check(SessionEvidence evidence, RuleSettings settings) {
        List<Finding> out = new ArrayList<>();
        for (SessionRule r : sessionRules) {
            try {
                out.addAll(r.check(evidence, settings));
            } catch (RuntimeException e) {
                LOG.warn("Rule {} failed: {}", r.id(), e.toString());
            }
        }
        return out;
    }
}
