package dev.mcpworkbench.inspector.rules.dynamic;

import java.text.Normalizer;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Which characters leave a text in NFKC whatever surrounds them: those NFKC maps to themselves
 * that are not marks and never follow another character in a canonical decomposition (so never
 * compose with what precedes them: combining marks, Hangul jamo, and the odd letter such as
 * U+16D67, a Kirat Rai vowel sign of category Lo). A text made only of them is NFKC, so POISON-007 needs no copy of it to check: the
 * JDK checks a String, and a copy of every string with an é or a € in it was a quarter of what a
 * check of 100,000 blocks allocated. Any other character sends the text to the JDK's full check.
 */
final class NfkcStable {

    private NfkcStable() {
    }

    /**
     * Every code point that comes after another in some character's canonical decomposition: one
     * that can compose with the character before it. Computed once, from the JDK's own data.
     */
    private static final class Seconds {
        static final java.util.BitSet ALL = seconds();

        private static java.util.BitSet seconds() {
            java.util.BitSet bits = new java.util.BitSet(Character.MAX_CODE_POINT + 1);
            for (int cp = 0xA0; cp <= Character.MAX_CODE_POINT; cp++) {
                if (!Character.isDefined(cp) || Character.getType(cp) == Character.SURROGATE) continue;
                String d = Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFD);
                for (int i = Character.charCount(d.codePointAt(0)); i < d.length(); i += Character.charCount(d.codePointAt(i))) {
                    bits.set(d.codePointAt(i));
                }
            }
            return bits;
        }
    }

    /** One bit per BMP character, computed once at first use. */
    private static final class Bmp {
        static final long[] STABLE = table();

        private static long[] table() {
            long[] bits = new long[1 << 10];
            for (int c = 0; c < 0x10000; c++) {
                if (!Character.isSurrogate((char) c) && stable(c)) bits[c >>> 6] |= 1L << c;
            }
            return bits;
        }
    }

    /**
     * Supplementary characters, judged when first met: two bits each, whether it is known and
     * whether it is stable, 256 KiB in all. A map of the ones met had no bound: a hostile result
     * spelling every supplementary character made a million entries of some 60 bytes.
     */
    private static final class Supplementary {
        static final int COUNT = Character.MAX_CODE_POINT + 1 - Character.MIN_SUPPLEMENTARY_CODE_POINT;
        static final AtomicLongArray KNOWN = new AtomicLongArray((COUNT + 63) / 64);
        static final AtomicLongArray STABLE = new AtomicLongArray((COUNT + 63) / 64);

        static boolean stable(int cp) {
            int i = cp - Character.MIN_SUPPLEMENTARY_CODE_POINT;
            long bit = 1L << i;
            if ((KNOWN.get(i >>> 6) & bit) != 0) return (STABLE.get(i >>> 6) & bit) != 0;
            boolean stable = NfkcStable.stable(cp);
            // the answer before the mark that it is known: whoever sees the mark sees the answer
            if (stable) STABLE.getAndAccumulate(i >>> 6, bit, (a, b) -> a | b);
            KNOWN.getAndAccumulate(i >>> 6, bit, (a, b) -> a | b);
            return stable;
        }
    }

    /** Whether {@code text} is NFKC, read in place when every character is stable. */
    static boolean isNfkc(CharSequence text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) continue;
            boolean ok;
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                ok = Supplementary.stable(Character.toCodePoint(c, text.charAt(++i)));
            } else {
                ok = !Character.isSurrogate(c) && (Bmp.STABLE[c >>> 6] & 1L << c) != 0;
            }
            if (!ok) return Normalizer.isNormalized(text, Normalizer.Form.NFKC);
        }
        return true;
    }

    private static boolean stable(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK) return false;
        if (Seconds.ALL.get(cp)) return false;
        String s = Character.toString(cp);
        return Normalizer.normalize(s, Normalizer.Form.NFKC).equals(s);
    }
}
