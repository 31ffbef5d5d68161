package dev.mcpworkbench.inspector.rules.dynamic;

import dev.mcpworkbench.inspector.rules.Category;
import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.Location;
import dev.mcpworkbench.inspector.rules.RuleMetadata;
import dev.mcpworkbench.inspector.rules.RuleSetting;
import dev.mcpworkbench.inspector.rules.RuleSettings;
import dev.mcpworkbench.inspector.rules.Severity;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * TRANSPORT-003: guessable session ids (under 128 bits, or sequential) and sessions that work
 * without the credential they were issued with.
 */
public final class WeakSessionRule implements SessionRule {

    private static final RuleMetadata METADATA = new RuleMetadata("TRANSPORT-003", "Weak sessions", Category.TRANSPORT,
            Severity.HIGH, List.of("MCP07"),
            "A session id that can be guessed, or that works without the user's token, lets another party "
                    + "inject requests into or read events from someone else's session (session hijacking).",
            true);

    static final RuleSetting MIN_BITS = RuleSetting.of("minBits", 128, "estimated random bits a session id needs");

    @Override
    public List<RuleSetting> settings() {
        return List.of(MIN_BITS);
    }

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(SessionEvidence evidence, RuleSettings settings) {
        SessionEvidence.SessionProbeResult s = evidence.sessions();
        if (s == null || s.ids().isEmpty()) return List.of();
        int minBits = settings.integer(id(), MIN_BITS);
        List<Finding> out = new ArrayList<>();
        double bits = SessionIdEntropy.estimatedBits(s.ids());
        if (bits < minBits) {
            String kind = bits == SessionIdEntropy.UUID_V4_BITS ? " (random UUID v4)" : "";
            out.add(finding(s, String.format(java.util.Locale.ROOT, "issues session ids of about %.0f bits%s, under %d",
                    bits, kind, minBits), "e.g. " + s.ids().get(0)));
        }
        if (sequential(s.ids())) {
            out.add(finding(s, "issues sequential session ids", String.join(", ", s.ids())));
        }
        if (s.requiresCredential() && s.usableWithoutCredential()) {
            out.add(finding(s, "accepts a session id without the credential it was issued with", "session " + s.ids().get(0)));
        }
        return out;
    }

    /** True when the ids differ only in a trailing number that grows by a constant step. */
    static boolean sequential(List<String> ids) {
        if (ids.size() < 3) return false;
        List<BigInteger> numbers = new ArrayList<>();
        String prefix = null;
        for (String id : ids) {
            int i = id.length();
            while (i > 0 && Character.isDigit(id.charAt(i - 1))) i--;
            if (i == id.length()) return false;
            if (prefix == null) prefix = id.substring(0, i);
            else if (!prefix.equals(id.substring(0, i))) return false;
            numbers.add(new BigInteger(id.substring(i)));
        }
        BigInteger step = numbers.get(1).subtract(numbers.get(0));
        if (step.signum() == 0 || step.abs().compareTo(BigInteger.valueOf(1000)) > 0) return false;
        for (int i = 2; i < numbers.size(); i++) {
            if (!numbers.get(i).subtract(numbers.get(i - 1)).equals(step)) return false;
        }
        return true;
    }

    private Finding finding(SessionEvidence.SessionProbeResult s, String what, String evidence) {
        return new Finding(id(), Severity.HIGH, "The server at " + s.endpoint() + " " + what,
                new Location(Location.Kind.TRANSPORT, s.endpoint(), ""), DynamicFindings.cut(evidence),
                "Use at least 128 bits from a CSPRNG (e.g. a random UUID v4 is 122 bits: prefer 32 random bytes), and "
                        + "bind each session to the authenticated principal; reject it with any other or no credential.",
                List.of(metadata().docPath()));
    }
}
