package dev.mcpworkbench.inspector.rules.dynamic;

import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.Rule;
import dev.mcpworkbench.inspector.rules.RuleSettings;
import java.util.ArrayList;
import java.util.List;
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

    /** Runs every exchange rule; a rule that throws is logged and skipped, never fatal to the scan. */
    public List<Finding> check(ToolExchange exchange, RuleSettings settings) {
        List<Finding> out = new ArrayList<>();
        for (DynamicRule r : exchangeRules) {
            try {
                out.addAll(r.check(exchange, settings));
            } catch (RuntimeException e) {
                LOG.warn("Rule {} failed on tool {}: {}", r.id(), exchange.toolName(), e.toString());
            }
        }
        return out;
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
