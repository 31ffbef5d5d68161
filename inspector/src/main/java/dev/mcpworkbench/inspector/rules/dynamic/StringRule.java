package dev.mcpworkbench.inspector.rules.dynamic;

import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.RuleSettings;
import java.util.List;

/**
 * A dynamic rule that reads every human-readable string of a result. The registry walks a result's
 * strings once for all such rules and hands each decoded string to each of them: decoding every
 * string once per rule allocated about 1.6 GB per 100 MB result (three rules, and the text of a JSON
 * block decoded whole by each). Run alone, the rule walks the strings itself.
 */
interface StringRule extends DynamicRule {

    /** One pass of this rule over one exchange: fed the strings, then asked for its findings. */
    interface Pass extends PayloadStrings.Sink {
        /** The findings, after the strings (and whatever else of the exchange the rule reads). */
        List<Finding> finish();
    }

    Pass start(ToolExchange exchange, RuleSettings settings);

    @Override
    default List<Finding> check(ToolExchange exchange, RuleSettings settings) {
        Pass pass = start(exchange, settings);
        PayloadStrings.forEach(exchange.result(), pass);
        return pass.finish();
    }
}
