package dev.mcpworkbench.inspector.rules.dynamic;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

/** The judgement of each supplementary character is remembered in two bits, and read back right. */
class NfkcStableTest {

    @Test
    void everySupplementaryCharacterIsJudgedAsTheJdkWouldAndTheSameWhenAskedAgain() {
        int stable = 0;
        for (int pass = 0; pass < 2; pass++) {
            stable = 0;
            for (int cp = Character.MIN_SUPPLEMENTARY_CODE_POINT; cp <= Character.MAX_CODE_POINT; cp++) {
                String one = Character.toString(cp);
                boolean judged = NfkcStable.isNfkc(one);
                if (judged != Normalizer.isNormalized(one, Normalizer.Form.NFKC)) {
                    throw new AssertionError("U+" + Integer.toHexString(cp).toUpperCase() + " judged " + judged + " on pass " + pass);
                }
                // a stable character stays NFKC after any stable letter: what the fast path relies on
                if (judged && !NfkcStable.isNfkc("a" + one + "b")) {
                    throw new AssertionError("U+" + Integer.toHexString(cp).toUpperCase() + " not stable between letters");
                }
                if (judged) stable++;
            }
        }
        // most supplementary characters are unassigned and NFKC; a few thousand map elsewhere (math letters)
        assertThat(stable).isGreaterThan(900_000).isLessThan(Character.MAX_CODE_POINT);
    }
}
