package dev.mcpworkbench.app.ui.tools;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PreviewRowsTest {

    @Test
    void aPreviewIsAsTallAsItsLinesWrapWithinTwoAndEighteenRows() {
        assertThat(ContentBlockView.previewRows("")).isEqualTo(2);
        assertThat(ContentBlockView.previewRows("one line")).isEqualTo(2);
        assertThat(ContentBlockView.previewRows("a\nb\nc")).isEqualTo(4);
        // JSON on one line, as most servers send it: it wraps, and the preview shows as much as it can
        assertThat(ContentBlockView.previewRows("x".repeat(ContentBlockView.TEXT_PREVIEW))).isEqualTo(18);
        assertThat(ContentBlockView.previewRows("x".repeat(330))).isEqualTo(5);
        assertThat(ContentBlockView.previewRows("line\n".repeat(40))).isEqualTo(18);
    }
}
