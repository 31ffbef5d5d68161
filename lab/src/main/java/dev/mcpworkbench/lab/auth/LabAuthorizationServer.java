package dev.mcpworkbench.lab.auth;

import java.net.URI;

/** The lab's authorization server (work in progress). */
public final class LabAuthorizationServer implements AutoCloseable {

    private final URI issuer;

    LabAuthorizationServer(URI issuer) {
        this.issuer = issuer;
    }

    public URI issuer() {
        return issuer;
    }

    @Override
    public void close() {
    }
}
