package dev.mcpworkbench.app.ui.lab;

/** The demo servers the lab runs in-process on loopback, with what each is for. */
public enum DemoServer {
    FLAWED("Flawed MCP server",
            "A deliberately badly designed server: oversized surface, loose schemas, poisoned descriptions, leaky outputs. "
                    + "Connect to it to see every kind of finding the workbench raises, with evidence and fixes."),
    SECURE("Secure twin",
            "The same features designed well: few outcome-oriented tools, tight schemas, honest annotations, minimal outputs. "
                    + "Compare it with the flawed server to see what the fixes look like."),
    AUTHORIZATION("Authorization server",
            "A loopback OAuth 2.1 authorization server in front of a protected MCP server, with switchable misbehaviours. "
                    + "Use it to watch the authorization steps and the checks that catch each mistake.");

    private final String title;
    private final String purpose;

    DemoServer(String title, String purpose) {
        this.title = title;
        this.purpose = purpose;
    }

    public String title() {
        return title;
    }

    /** Two sentences: what the server is and what to use it for. */
    public String purpose() {
        return purpose;
    }
}
