package dev.mcpworkbench.inspector.payload.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScannersTest {

    private final SecretScanner secrets = SecretScanner.defaults();
    private final PersonalDataScanner personal = new PersonalDataScanner();

    @Test
    void findsEachCredentialFamily() {
        String text = String.join("\n",
                "aws AKIAIOSFODNN7EXAMPLE",
                "gh github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJ",
                "slack xoxb-1234567890-abcdefghij",
                "-----BEGIN RSA PRIVATE KEY-----",
                "jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
                "openai sk-proj-abcdefghijklmnopqrstuvwxyz0123456789AB",
                "anthropic sk-ant-api03-abcdefghijklmnopqrstuvwxyz0123456789",
                "stripe sk_live_abcdefghijklmnopqrstuvwx",
                "gcp AIzaSyA1234567890abcdefghijklmnopqrstuv",
                "npm npm_abcdefghijklmnopqrstuvwxyz0123456789");
        assertThat(secrets.scan(text)).extracting(SecretMatch::kind).containsExactly(
                SecretKind.AWS_ACCESS_KEY_ID, SecretKind.GITHUB_TOKEN, SecretKind.SLACK_TOKEN, SecretKind.PRIVATE_KEY,
                SecretKind.JWT, SecretKind.OPENAI_KEY, SecretKind.ANTHROPIC_KEY, SecretKind.STRIPE_KEY,
                SecretKind.GCP_API_KEY, SecretKind.NPM_TOKEN);
    }

    @Test
    void genericSecretsNeedASecretNameAndEntropy() {
        assertThat(secrets.scan("API_KEY=q8Zr2LmX7vTn4WpK9sYb")).extracting(SecretMatch::kind).containsExactly(SecretKind.GENERIC_SECRET);
        assertThat(secrets.scan("API_KEY=aaaaaaaaaaaaaaaaaaaaaaaa")).isEmpty();
        assertThat(secrets.scan("colour=q8Zr2LmX7vTn4WpK9sYb")).isEmpty();
        assertThat(secrets.scan("the highest thought AKIA is not a key")).isEmpty();
    }

    /** The name before '=' or ':' is judged where it lies; what lower-casing does to other letters is kept. */
    @Test
    void theNameBeforeAnAssignmentIsJudgedAsTheSecretWordsSay() {
        String value = "q8Zr2LmX7vTn4WpK9sYb";
        assertThat(secrets.scan("my.Access_Key: " + value)).extracting(SecretMatch::kind).containsExactly(SecretKind.GENERIC_SECRET);
        assertThat(secrets.scan("'x-auth-Token' = '" + value + "'")).hasSize(1);
        assertThat(secrets.scan("TOKENIZER=" + value)).as("a tokenizer").isEmpty();
        assertThat(secrets.scan("token_count=" + value)).isEmpty();
        assertThat(secrets.scan("reset_password_url=" + value)).isEmpty();
        assertThat(secrets.scan("passwort=" + value)).isEmpty();
        // U+212A, the Kelvin sign, lower-cases to an ASCII k
        assertThat(secrets.scan("TO\u212AEN=" + value)).hasSize(1);
        assertThat(secrets.scan("clé_secret=" + value)).hasSize(1);
        assertThat(secrets.scan("=" + value)).isEmpty();
    }

    @Test
    void masksKeepOnlyAPrefix() {
        assertThat(Masking.mask("AKIAIOSFODNN7EXAMPLE")).isEqualTo("AKIA****************");
        assertThat(Masking.mask("abc")).isEqualTo("***");
    }

    @Test
    void personalDataIsCheckedWithChecksums() {
        String text = "mail jane.doe@example.com call +442071838750 ssn 123-45-6789 card 4111 1111 1111 1111 "
                + "bad card 4111 1111 1111 1112 iban GB82WEST12345698765432 bad iban GB82WEST12345698765433";
        assertThat(personal.scan(text)).extracting(SecretMatch::kind).containsExactly(
                SecretKind.EMAIL, SecretKind.PHONE, SecretKind.SSN, SecretKind.CARD_NUMBER, SecretKind.IBAN);
    }
}
