package dev.mcpworkbench.inspector.rules;

import java.util.List;

/**
 * A rule that reads what a server declares (its snapshot) and the scan's context, without calling
 * the server. Implementations must never throw on malformed input: a hostile snapshot becomes a
 * finding, not an exception (the {@link Scanner} still isolates a rule that does).
 */
public interface StaticRule extends Rule {

    List<Finding> check(ScanSubject subject);
}
