package dev.mcpworkbench.app.auth;

import dev.mcpworkbench.oauth.flow.AssertionOptions;
import dev.mcpworkbench.oauth.flow.FlowOptions;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * How a client gets tokens and which JWTs it presents, as {@code connect}'s options and the desktop's
 * Client dialog give them: the grant, a private key for {@code private_key_jwt}, the workload
 * identity token of the JWT bearer grant, the enterprise identity provider of an ID-JAG. Tokens are
 * named by {@link SecretSource} ({@code file:} or {@code env:}), never held here.
 */
public record MachineGrantSettings(Grant grant, Path clientKey, String assertion, String idToken, URI idpTokenEndpoint,
                                   String idpClientId, String idpClientSecret) {

    /** The grants, with their command-line names. */
    public enum Grant {
        AUTHORIZATION_CODE("authorization-code", "Authorization code (a person approves)"),
        CLIENT_CREDENTIALS("client-credentials", "Client credentials (a machine client)"),
        JWT_BEARER("jwt-bearer", "JWT bearer with a workload identity token"),
        ID_JAG("id-jag", "Enterprise-managed: ID-JAG from the identity provider");

        private final String cliName;
        private final String label;

        Grant(String cliName, String label) {
            this.cliName = cliName;
            this.label = label;
        }

        public String cliName() {
            return cliName;
        }

        public static Grant parse(String name) {
            return Arrays.stream(values()).filter(g -> g.cliName.equals(name)).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("--grant takes " + String.join(", ", names()) + ", not '" + name + "'"));
        }

        static List<String> names() {
            return Arrays.stream(values()).map(Grant::cliName).toList();
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public MachineGrantSettings {
        grant = grant == null ? Grant.AUTHORIZATION_CODE : grant;
        assertion = blankToNull(assertion);
        idToken = blankToNull(idToken);
        idpClientId = blankToNull(idpClientId);
        idpClientSecret = blankToNull(idpClientSecret);
    }

    public static final MachineGrantSettings DEFAULT = new MachineGrantSettings(null, null, null, null, null, null, null);

    /** Refuses what does not fit the grant, naming the option; reads nothing. */
    public void validate() {
        if (grant == Grant.JWT_BEARER && assertion == null) {
            throw new IllegalArgumentException("--grant jwt-bearer needs --assertion file:PATH or env:NAME");
        }
        if (grant != Grant.JWT_BEARER && assertion != null) throw new IllegalArgumentException("--assertion applies to --grant jwt-bearer");
        if (grant == Grant.ID_JAG && (idToken == null || idpTokenEndpoint == null)) {
            throw new IllegalArgumentException("--grant id-jag needs --id-token and --idp-token-endpoint");
        }
        if (grant != Grant.ID_JAG && (idToken != null || idpTokenEndpoint != null || idpClientId != null || idpClientSecret != null)) {
            throw new IllegalArgumentException("--id-token and the --idp-* options apply to --grant id-jag");
        }
        if (assertion != null) SecretSource.parse(assertion);
        if (idToken != null) SecretSource.parse(idToken);
    }

    /** {@code base} with this grant and its assertions; reads the client key file (so: not on the FX thread). */
    public FlowOptions applyTo(FlowOptions base) throws IOException {
        validate();
        AssertionOptions assertions = AssertionOptions.NONE;
        if (clientKey != null) assertions = assertions.withClientKey(ClientKeyFiles.read(clientKey));
        if (grant == Grant.JWT_BEARER) assertions = assertions.withJwtBearerAssertion(SecretSource.parse(assertion));
        if (grant == Grant.ID_JAG) {
            assertions = assertions.withIdJag(new AssertionOptions.IdJag(idpTokenEndpoint, idpClientId, idpClientSecret,
                    SecretSource.parse(idToken)));
        }
        return base.withClientCredentials(grant == Grant.CLIENT_CREDENTIALS).withAssertions(assertions);
    }

    /** True when the grant runs without a person (no browser, no callback). */
    public boolean machine() {
        return grant != Grant.AUTHORIZATION_CODE;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
