package dev.mcpworkbench.oauth.flow;

/** The steps of the MCP authorization flow, in the order they run. */
public enum StepKind {
    PROBE("Unauthenticated probe"),
    PROTECTED_RESOURCE_METADATA("Protected resource metadata"),
    AUTHORIZATION_SERVER_METADATA("Authorization server metadata"),
    CLIENT_REGISTRATION("Client registration"),
    AUTHORIZATION_REQUEST("Authorization request"),
    CALLBACK("Callback"),
    /** Enterprise-managed authorization: the ID token exchanged for an ID-JAG at the identity provider (RFC 8693). */
    TOKEN_EXCHANGE("Token exchange at the identity provider"),
    TOKEN_REQUEST("Token request"),
    AUTHENTICATED_REQUEST("Authenticated MCP request"),
    REFRESH("Token refresh"),
    /** A crafted request sent on purpose to test the authorization server (the probe's name is the step's "probe" input). */
    ACTIVE_PROBE("Active probe");

    private final String title;

    StepKind(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
