package dev.mcpworkbench.oauth.registration;

import dev.mcpworkbench.oauth.check.Verdict;

/** One rule a client metadata document or its URL breaks, with what was seen. */
public record CimdFinding(CimdRule rule, String message) {

    public Verdict verdict() {
        return rule.verdict();
    }

    /** "FAIL client_id equals the document URL exactly: ..." for a list or a log. */
    @Override
    public String toString() {
        return rule.verdict() + " " + rule.title() + ": " + message;
    }
}
