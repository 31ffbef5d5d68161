package dev.mcpworkbench.inspector.rules.dynamic;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Estimates how many random bits a server's session ids carry: per position, the log2 of the
 * alphabet the ids draw from (hex, base64url, decimal...), minus positions that never change
 * across the sample (fixed prefixes, UUID version nibbles).
 */
final class SessionIdEntropy {

    private SessionIdEntropy() {
    }

    /** RFC 9562 version 4: the version nibble and two variant bits are fixed, 122 bits are random. */
    private static final Pattern UUID_V4 =
            Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    static final int UUID_V4_BITS = 122;

    static double estimatedBits(List<String> ids) {
        // The positional estimate would credit UUIDs with 124 bits (it cannot see the 2 variant bits).
        if (ids.stream().allMatch(id -> UUID_V4.matcher(id).matches())) return UUID_V4_BITS;
        String first = ids.get(0);
        double perChar = Math.log(alphabetSize(ids)) / Math.log(2);
        int len = ids.stream().mapToInt(String::length).min().orElse(0);
        int counted = 0;
        for (int i = 0; i < len; i++) {
            char c = first.charAt(i);
            if (c == '-') continue;
            // with three or more samples a position that never changes is structure, not randomness
            boolean changes = ids.size() < 3;
            for (String id : ids) if (id.charAt(i) != c) changes = true;
            if (changes) counted++;
        }
        return counted * perChar;
    }

    private static int alphabetSize(List<String> ids) {
        boolean lower = false, upper = false, digit = false, other = false;
        for (String id : ids) {
            for (char c : id.toCharArray()) {
                if (c >= 'a' && c <= 'f') lower = true;
                else if (c >= 'g' && c <= 'z') { lower = true; other = true; }
                else if (c >= 'A' && c <= 'Z') upper = true;
                else if (c >= '0' && c <= '9') digit = true;
                else if (c != '-') other = true;
            }
        }
        if (digit && !lower && !upper && !other) return 10;
        if ((lower ^ upper) && !other) return 16;
        return other || (lower && upper) ? 64 : 36;
    }
}
