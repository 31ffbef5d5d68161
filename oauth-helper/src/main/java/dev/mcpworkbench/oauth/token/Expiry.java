package dev.mcpworkbench.oauth.token;

import java.time.Duration;
import java.time.Instant;

/** A token's {@code exp} said relative to now: "expires in 4:59", "expired 2 min ago". */
public final class Expiry {

    private Expiry() {
    }

    public static boolean expired(Instant exp, Instant now) {
        return exp != null && !now.isBefore(exp);
    }

    public static String describe(Instant exp, Instant now) {
        if (exp == null) return "no exp claim: never expires as far as the token says";
        Duration left = Duration.between(now, exp);
        if (left.isNegative() || left.isZero()) {
            Duration ago = left.negated();
            if (ago.toSeconds() < 60) return "expired " + ago.toSeconds() + " s ago";
            if (ago.toMinutes() < 120) return "expired " + ago.toMinutes() + " min ago";
            if (ago.toHours() < 48) return "expired " + ago.toHours() + " h ago";
            return "expired " + ago.toDays() + " days ago";
        }
        long seconds = left.toSeconds();
        if (seconds >= 86_400) return "expires in " + left.toDays() + " days " + left.toHoursPart() + " h";
        if (seconds >= 3600) return String.format("expires in %d:%02d:%02d", left.toHours(), left.toMinutesPart(), left.toSecondsPart());
        return String.format("expires in %d:%02d", left.toMinutes(), left.toSecondsPart());
    }
}
