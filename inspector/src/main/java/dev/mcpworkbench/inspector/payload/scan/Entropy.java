package dev.mcpworkbench.inspector.payload.scan;

/** Shannon entropy in bits per character: random keys score high, words and repeats low. */
public final class Entropy {
    private Entropy() {
    }

    public static double bitsPerChar(CharSequence s) {
        if (s.length() == 0) return 0;
        int[] counts = new int[128];
        int other = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 128) counts[c]++;
            else other++;
        }
        double h = 0;
        double n = s.length();
        for (int c : counts) h += term(c, n);
        return h + term(other, n);
    }

    private static double term(int count, double n) {
        if (count == 0) return 0;
        double p = count / n;
        return -p * (Math.log(p) / Math.log(2));
    }
}
