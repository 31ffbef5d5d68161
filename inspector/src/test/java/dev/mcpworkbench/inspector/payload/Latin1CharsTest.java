package dev.mcpworkbench.inspector.payload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.inspector.payload.scan.SecretKind;
import dev.mcpworkbench.inspector.payload.scan.SecretMatch;
import dev.mcpworkbench.inspector.payload.scan.SecretScanner;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The secret sweep reads the document's bytes in place ({@link Latin1Chars}) instead of a latin1
 * String copy of them: the scanner must find exactly what it found in the copy, at the same
 * offsets, wherever the range starts in the array.
 */
class Latin1CharsTest {

    private static final String TEXT = String.join("\n",
            "{\"rows\":[{\"note\":\"café ☕ AKIAIOSFODNN7EXAMPLE\",\"k\":\"ghp_" + "a1B2c3D4e5".repeat(4) + "\"},",
            "sk_live_abcdefghijklmnopqrstuvwx at the start of a line, rk_test_abcdefghijklmnopqrstuvwx",
            "config: API_KEY=q8Zr2LmX7vTn4WpK9sYb; password: 'Zq8r2LmX7vTn4WpK9sYbQ'; colour=q8Zr2LmX7vTn4WpK9sYb",
            "\"token\": \"not-after-a-quote-colon-q8Zr2LmX7vTn4WpK9\", 中文 😀",
            "jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
            "-----BEGIN RSA PRIVATE KEY----- npm_abcdefghijklmnopqrstuvwxyz0123456789 xoxb-1234567890-abcdefghij",
            "the highest thought AKIA is not a key; ends with an anchor: sk-");

    @Test
    void theScannerFindsInTheBytesWhatItFoundInTheirCopy() {
        byte[] text = TEXT.getBytes(StandardCharsets.UTF_8);
        SecretScanner scanner = SecretScanner.defaults();
        for (int pad : new int[] {0, 1, 7}) {
            byte[] data = new byte[text.length + 2 * pad];
            System.arraycopy(text, 0, data, pad, text.length);
            List<SecretMatch> inCopy = scanner.scan(new String(data, pad, text.length, StandardCharsets.ISO_8859_1));
            List<SecretMatch> inPlace = scanner.scan(new Latin1Chars(data, pad, text.length));
            assertThat(inPlace).as("range at %d", pad).isEqualTo(inCopy);
            assertThat(inPlace).extracting(SecretMatch::kind).contains(SecretKind.AWS_ACCESS_KEY_ID, SecretKind.GITHUB_TOKEN,
                    SecretKind.STRIPE_KEY, SecretKind.GENERIC_SECRET, SecretKind.JWT, SecretKind.PRIVATE_KEY, SecretKind.NPM_TOKEN,
                    SecretKind.SLACK_TOKEN);
            assertThat(inPlace).filteredOn(m -> m.kind() == SecretKind.GENERIC_SECRET).hasSize(2);
        }
    }

    @Test
    void theIndexGivesTheSameCharsInPlaceAsInItsCopy() throws Exception {
        JsonIndex tree = JsonIndex.of(TEXT.substring(0, TEXT.indexOf('\n')).replaceAll(",$", "]}"));
        for (long[] r : new long[][] {{0, tree.totalBytes()}, {3, 40}, {10, 11}, {5, 5}}) {
            CharSequence inPlace = tree.latin1Chars(r[0], r[1]);
            String copy = tree.latin1View(r[0], r[1]);
            assertThat(inPlace.length()).isEqualTo(copy.length());
            assertThat(inPlace.toString()).isEqualTo(copy);
            for (int i = 0; i < copy.length(); i++) assertThat(inPlace.charAt(i)).isEqualTo(copy.charAt(i));
        }
    }
}
