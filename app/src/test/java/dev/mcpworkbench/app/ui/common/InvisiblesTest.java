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
}
