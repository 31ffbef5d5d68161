package dev.mcpworkbench.oauth.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class WwwAuthenticateParserTest {

    @Test
    void readsTheMcpBearerChallenge() throws Exception {
        List<Challenge> challenges = WwwAuthenticateParser.parse(
                "Bearer resource_metadata=\"https://mcp.example.com/.well-known/oauth-protected-resource/mcp\", scope=\"files:read files:write\"");
        assertThat(challenges).hasSize(1);
        Challenge bearer = challenges.get(0);
        assertThat(bearer.isScheme("bearer")).isTrue();
        assertThat(bearer.param("resource_metadata")).contains("https://mcp.example.com/.well-known/oauth-protected-resource/mcp");
        assertThat(bearer.scopes()).containsExactly("files:read", "files:write");
    }

    @Test
    void separatesSeveralChallengesInOneValue() throws Exception {
        List<Challenge> challenges = WwwAuthenticateParser.parse(
                "Basic realm=\"simple\", Newauth realm=\"apps\", type=1, title=\"Login to \\\"apps\\\"\", Bearer error=insufficient_scope, scope=\"a b\"");
        assertThat(challenges).extracting(Challenge::scheme).containsExactly("Basic", "Newauth", "Bearer");
        assertThat(challenges.get(1).param("title")).contains("Login to \"apps\"");
        assertThat(challenges.get(1).param("type")).contains("1");
        assertThat(Challenge.bearer(challenges).orElseThrow().param("error")).contains("insufficient_scope");
    }

    @Test
    void readsToken68AndBareSchemes() throws Exception {
        List<Challenge> challenges = WwwAuthenticateParser.parse("Negotiate abc+/def==, Bearer, Basic realm=x");
        assertThat(challenges).hasSize(3);
        assertThat(challenges.get(0).token68()).isEqualTo("abc+/def==");
        assertThat(challenges.get(1).params()).isEmpty();
        assertThat(challenges.get(2).param("REALM")).contains("x");
    }

    @Test
    void toleratesWhitespaceAroundEqualsAndEmptyListElements() throws Exception {
        List<Challenge> challenges = WwwAuthenticateParser.parse(" , Bearer  realm = \"r\" ,, scope=\"s\" ,");
        assertThat(challenges).hasSize(1);
        assertThat(challenges.get(0).param("realm")).contains("r");
        assertThat(challenges.get(0).param("scope")).contains("s");
    }

    @Test
    void rejectsBrokenSyntaxWithTheDocumentedException() {
        assertThatThrownBy(() -> WwwAuthenticateParser.parse("Bearer realm=\"open")).isInstanceOf(ChallengeParseException.class)
                .hasMessageContaining("unterminated");
        assertThatThrownBy(() -> WwwAuthenticateParser.parse("Bearer realm=\"a\", realm=\"b\""))
                .isInstanceOf(ChallengeParseException.class).hasMessageContaining("repeated");
        assertThatThrownBy(() -> WwwAuthenticateParser.parse("=oops")).isInstanceOf(ChallengeParseException.class);
    }

    /** A randomized fuzz with a fixed seed: never an exception other than the parse exception, never a hang. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void fuzzNeverThrowsAnythingButTheParseExceptionAndNeverHangs() {
        Random random = new Random(20260728L);
        String[] pieces = {"Bearer", "Basic", " ", "  ", ",", "=", "\"", "\\", "\\\"", "realm", "scope", "resource_metadata",
                "error", "insufficient_scope", "abc", "+/", "==", "\t", "é", "\u0000", "\u007f", ";", "token68==", "\"quoted value\"",
                "https://as.example.com/x?y=1", "a-b.c_d~e", "!", "#", "(", "}"};
        int parsed = 0;
        int rejected = 0;
        for (int i = 0; i < 200_000; i++) {
            String input = randomInput(random, pieces);
            try {
                List<Challenge> result = WwwAuthenticateParser.parse(input);
                assertThat(result).isNotNull();
                parsed++;
            } catch (ChallengeParseException e) {
                assertThat(e.position()).isBetween(0, input.length() + 1);
                rejected++;
            }
        }
        assertThat(parsed).as("the fuzz must reach valid inputs").isGreaterThan(1000);
        assertThat(rejected).as("the fuzz must reach invalid inputs").isGreaterThan(1000);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void refusesHugeHeadersQuickly() {
        String huge = "Bearer realm=\"" + "a".repeat(200_000) + "\"";
        assertThatThrownBy(() -> WwwAuthenticateParser.parse(huge)).isInstanceOf(ChallengeParseException.class);
        String wide = "Bearer " + "a=b, ".repeat(10_000);
        assertThatThrownBy(() -> WwwAuthenticateParser.parse(wide)).isInstanceOf(ChallengeParseException.class);
    }

    private static String randomInput(Random random, String[] pieces) {
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(12);
        for (int j = 0; j < n; j++) {
            if (random.nextInt(10) == 0) {
                b.append((char) random.nextInt(0x250));
            } else {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
        }
        return b.toString();
    }
}
