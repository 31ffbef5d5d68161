package dev.mcpworkbench.inspector.rules.dynamic;

import java.util.List;

/**
 * Estimates how many random bits a server's session ids carry: per position, the log2 of the
 * alphabet the ids draw from (hex, base64url, decimal...), minus positions that never change
 * across the sample (fixed prefixes, UUID version nibbles).
 */
final class SessionIdEntropy {

    private SessionIdEntropy() {
    }

    static double estimatedBits(List<String> ids) {
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
