package dev.mcpworkbench.inspector.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** An HTTP body read whole: into an array of its declared length when it has one, bounded either way. */
class HttpBodyReadTest {

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    @Test
    void aDeclaredLengthIsReadIntoAnArrayOfThatSize() throws Exception {
        byte[] body = random(300_000);
        assertThat(HttpSupport.readBoundedBytes(new ByteArrayInputStream(body), 1 << 20, body.length)).isEqualTo(body);
        assertThat(HttpSupport.readBoundedBytes(new ByteArrayInputStream(body), 1 << 20, -1)).isEqualTo(body);
        assertThat(HttpSupport.readBoundedBytes(new ByteArrayInputStream(new byte[0]), 1 << 20, 0)).isEmpty();
    }

    @Test
    void aBodyShorterThanDeclaredIsAnError() {
        assertThatThrownBy(() -> HttpSupport.readBoundedBytes(new ByteArrayInputStream(random(10)), 1 << 20, 100))
                .isInstanceOf(IOException.class).hasMessage("the body ended after 10 of the 100 bytes its Content-Length declared");
    }

    @Test
    void aLengthOverTheLimitIsRefusedBeforeReadingOrAllocating() {
        assertThatThrownBy(() -> HttpSupport.readBoundedBytes(new ByteArrayInputStream(new byte[0]), 1 << 20, Long.MAX_VALUE))
                .isInstanceOf(MessageTooLargeException.class);
        assertThatThrownBy(() -> HttpSupport.readBoundedBytes(new ByteArrayInputStream(random(2_000)), 1_000, -1))
                .isInstanceOf(MessageTooLargeException.class);
    }

    /** A body of unknown length past 16 MB goes through a temporary file, and comes back whole. */
    @Test
    void aLongBodyOfUnknownLengthComesBackWhole() throws Exception {
        byte[] body = random((int) LineBytes.SPILL_FROM + 3_000_001);
        assertThat(HttpSupport.readBoundedBytes(new ByteArrayInputStream(body), Long.MAX_VALUE, -1)).isEqualTo(body);
        assertThatThrownBy(() -> HttpSupport.readBoundedBytes(new ByteArrayInputStream(body), body.length - 1, -1))
                .isInstanceOf(MessageTooLargeException.class);
    }
}
