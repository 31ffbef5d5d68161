package dev.mcpworkbench.inspector.rules;

import java.util.List;

/**
 * A rule that reads what a server declares (its snapshot) and the scan's context, without calling
 * the server. Implementations must never throw on malformed input: a hostile snapshot becomes a
 * finding, not an exception (the {@link Scanner} still isolates a rule that does).
 */
public interface StaticRule extends Rule {

    List<Finding> check(ScanSubject subject);

    /**
     * True when each finding comes from one tool or one string alone, never from comparing,
     * counting or naming other tools. The scanner may then run the rule on parts of a large
     * server, each part while its data is still in the processor's cache, and join what it finds.
     * {@code PartedScanTest} checks the claim for every rule that makes it.
     */
    default boolean judgesItemsAlone() {
        return false;
    }
}
