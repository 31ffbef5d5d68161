package dev.mcpworkbench.app.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvisiblesTest {

    @Test
    void zeroWidthBidiTagAndControlCharactersBecomeBadges() {
        String poisoned = "read\u200Bfile\u202Egnp.exe\uDB40\uDC41 \u0007ok\n\tnext";
        assertThat(Invisibles.count(poisoned)).isEqualTo(4);
        assertThat(Invisibles.reveal(poisoned))
                .isEqualTo("read⟦U+200B⟧file⟦U+202E⟧gnp.exe⟦U+E0041⟧ ⟦U+7⟧ok\n\tnext");
    }

    @Test
    void plainTextIsUntouched() {
        String text = "Résumé — naïve 東京 👋";
        assertThat(Invisibles.count(text)).isZero();
        assertThat(Invisibles.reveal(text)).isSameAs(text);
        assertThat(Invisibles.segments(text)).hasSize(1);
    }

    @Test
    void fillersThatRenderAsNothingGetABadgeToo() {
        assertThat(Invisibles.reveal("name\u3164\u115F\uFFA0")).isEqualTo("name⟦U+3164⟧⟦U+115F⟧⟦U+FFA0⟧");
    }

    /** One definition: the badge marks exactly what the inspector's POISON-002 counts as hidden. */
    @Test
    void theBadgeFollowsTheInspectorsDefinition() {
        for (int cp = 0; cp <= 0x10FFFF; cp++) {
            if (Invisibles.isInvisible(cp) != dev.mcpworkbench.inspector.rules.text.Invisibles.isInvisible(cp)) {
                throw new AssertionError(String.format("U+%04X differs", cp));
            }
        }
    }
}
