package dev.mcpworkbench.lab;

import dev.mcpworkbench.lab.auth.DPoPPolicy;
import dev.mcpworkbench.lab.auth.Misbehaviour;
import java.util.EnumSet;
import java.util.Set;

/**
 * What to start: which MCP server, on which port (0 = a free one), whether it is protected by the
 * lab's authorization server, which misbehaviours that server shows, and whether consent is
 * approved without a browser (for headless tests), and how DPoP is treated. Immutable; the {@code with...} methods copy.
 *
 * @param issuerPath path of the AS issuer, empty for a root issuer ({@code http://127.0.0.1:port}),
 *                   e.g. {@code /tenant1} for a path issuer
 */
public record LabSpec(LabServerKind server, int port, boolean auth, Set<Misbehaviour> misbehaviours,
                      boolean autoApprove, String issuerPath, DPoPPolicy dpop) {

    public LabSpec {
        dpop = dpop == null ? DPoPPolicy.OPTIONAL : dpop;
        misbehaviours = misbehaviours.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(misbehaviours));
        issuerPath = issuerPath == null ? "" : issuerPath;
        if (!issuerPath.isEmpty() && (!issuerPath.startsWith("/") || issuerPath.endsWith("/"))) {
            throw new IllegalArgumentException("issuerPath must start with / and not end with /: " + issuerPath);
        }
    }

    public static LabSpec of(LabServerKind server) {
        return new LabSpec(server, 0, false, Set.of(), false, "", DPoPPolicy.OPTIONAL);
    }

    public static LabSpec flawed() {
        return of(LabServerKind.FLAWED);
    }

    public static LabSpec secure() {
        return of(LabServerKind.SECURE);
    }

    public LabSpec withPort(int newPort) {
        return new LabSpec(server, newPort, auth, misbehaviours, autoApprove, issuerPath, dpop);
    }

    /** Protects the MCP server with the lab's authorization server. */
    public LabSpec withAuth() {
        return new LabSpec(server, port, true, misbehaviours, autoApprove, issuerPath, dpop);
    }

    /** Turns on misbehaviours of the authorization server (implies {@link #withAuth()}). */
    public LabSpec withMisbehaviours(Misbehaviour... added) {
        Set<Misbehaviour> all = misbehaviours.isEmpty() ? EnumSet.noneOf(Misbehaviour.class) : EnumSet.copyOf(misbehaviours);
        all.addAll(Set.of(added));
        return new LabSpec(server, port, true, all, autoApprove, issuerPath, dpop);
    }

    /** The authorization endpoint approves at once and redirects, with no consent page. */
    public LabSpec withAutoApprove() {
        return new LabSpec(server, port, auth, misbehaviours, true, issuerPath, dpop);
    }

    public LabSpec withIssuerPath(String path) {
        return new LabSpec(server, port, true, misbehaviours, autoApprove, path, dpop);
    }

    /** How the servers treat DPoP (implies {@link #withAuth()}). */
    public LabSpec withDPoP(DPoPPolicy policy) {
        return new LabSpec(server, port, true, misbehaviours, autoApprove, issuerPath, policy);
    }

    public boolean has(Misbehaviour misbehaviour) {
        return misbehaviours.contains(misbehaviour);
    }
}
