package dev.mcpworkbench.oauth.challenge;

/** The one exception {@link WwwAuthenticateParser} throws: the header is not valid RFC 9110 syntax. */
public final class ChallengeParseException extends Exception {

    private static final long serialVersionUID = 1L;
    private final int position;

    public ChallengeParseException(String message, int position) {
        super(message + " at character " + position);
        this.position = position;
    }

    /** Zero-based index in the header value where parsing stopped. */
    public int position() {
        return position;
    }
}
