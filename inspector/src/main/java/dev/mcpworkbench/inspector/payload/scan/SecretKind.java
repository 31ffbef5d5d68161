package dev.mcpworkbench.inspector.payload.scan;

/** What a sensitive match is; {@code label} is shown to users. */
public enum SecretKind {
    AWS_ACCESS_KEY_ID("AWS access key id", true),
    GITHUB_TOKEN("GitHub token", true),
    SLACK_TOKEN("Slack token", true),
    PRIVATE_KEY("Private key block", true),
    JWT("JSON Web Token", true),
    OPENAI_KEY("OpenAI API key", true),
    ANTHROPIC_KEY("Anthropic API key", true),
    STRIPE_KEY("Stripe key", true),
    GCP_API_KEY("Google Cloud API key", true),
    NPM_TOKEN("npm token", true),
    GENERIC_SECRET("Secret-named value with high entropy", true),
    EMAIL("Email address", false),
    PHONE("Phone number (E.164)", false),
    SSN("US Social Security number", false),
    CARD_NUMBER("Payment card number (Luhn-valid)", false),
    IBAN("IBAN (mod 97-valid)", false);

    private final String label;
    private final boolean secret;

    SecretKind(String label, boolean secret) {
        this.label = label;
        this.secret = secret;
    }

    public String label() {
        return label;
    }

    /** True for credentials (OUTPUT-004), false for personal data (OUTPUT-005). */
    public boolean isSecret() {
        return secret;
    }
}
