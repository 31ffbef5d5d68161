package dev.mcpworkbench.inspector.rules.oauth;

import dev.mcpworkbench.inspector.rules.Rule;

/**
 * A rule of the catalog whose evidence is the authorization flow rather than a snapshot or a tool
 * call: the OAUTH checks.
 *
 * <p>Why the rule is declared here but evaluated elsewhere: the flow's verdicts are reached where
 * the HTTP exchanges happen, in {@code oauth-helper}, and that module must not depend on the
 * inspector (it is usable on its own, and the module graph is the architecture). So the evaluation
 * stays there and reports a rule id and a verdict; the inspector owns what each id means (title,
 * category, severity, OWASP ids, fix, doc page), exactly as for every other rule. The id string is
 * the only contract between the two, and {@code OAuthFindingMapper} in the app joins them. The
 * alternatives were worse: metadata in oauth-helper would give the catalog two shapes and no
 * single registry; evaluation in the inspector would pull Nimbus and the flow into the engine.
 */
public interface FlowRule extends Rule {

    /** How to repair what the rule reports; the flow's findings carry no fix of their own. */
    String fix();
}
