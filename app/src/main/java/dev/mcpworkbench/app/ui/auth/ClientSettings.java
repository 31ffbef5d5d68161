package dev.mcpworkbench.app.ui.auth;

import dev.mcpworkbench.app.auth.MachineGrantSettings;
import dev.mcpworkbench.app.auth.MachineGrantSettings.Grant;
import dev.mcpworkbench.app.auth.ClientIdentity;
import dev.mcpworkbench.oauth.flow.AuthorizationAgent;
import dev.mcpworkbench.oauth.flow.FlowOptions;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Client… dialog's view of a {@link ClientIdentity} (the option model the CLI's client flags
 * share): how the client is registered, the scope, the token endpoint authentication method, the
 * loopback callback's host, port and path, and the MCP protocol version (empty text: automatic);
 * beside it, whether to ask for DPoP-bound tokens when the server does not demand them (it gets them
 * anyway when it does), and the grant: the authorization code flow, or a machine grant (client
 * credentials, JWT bearer with a workload identity token, enterprise-managed ID-JAG) with the
 * pre-registered client and, optionally, its private key for {@code private_key_jwt}.
 */
public final class ClientSettings {

    /** How the client gets its identity. */
    public enum Registration {
        AUTOMATIC("Automatic: a served CIMD document for a local AS that supports it, else DCR"),
        PRE_REGISTERED("Pre-registered client (id and secret)"),
        CIMD_URL("Client ID metadata document at my URL"),
        DCR("Dynamic client registration only");

        private final String label;

        Registration(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final ObjectProperty<Registration> registration = new SimpleObjectProperty<>(Registration.AUTOMATIC);
    private final StringProperty clientId = new SimpleStringProperty("");
    private final StringProperty clientSecret = new SimpleStringProperty("");
    private final StringProperty metadataUrl = new SimpleStringProperty("");
    private final StringProperty scope = new SimpleStringProperty("");
    private final IntegerProperty callbackPort = new SimpleIntegerProperty(0);
    private final ObjectProperty<Grant> grant = new SimpleObjectProperty<>(Grant.AUTHORIZATION_CODE);
    private final StringProperty clientKeyFile = new SimpleStringProperty("");
    private final StringProperty assertion = new SimpleStringProperty("");
    private final StringProperty idToken = new SimpleStringProperty("");
    private final StringProperty idpTokenEndpoint = new SimpleStringProperty("");
    private final StringProperty idpClientId = new SimpleStringProperty("");
    private final StringProperty idpClientSecret = new SimpleStringProperty("");
    private final BooleanProperty dpop = new SimpleBooleanProperty(false);

    private final StringProperty callbackHost = new SimpleStringProperty("");
    private final StringProperty callbackPath = new SimpleStringProperty("");
    private final StringProperty tokenAuthMethod = new SimpleStringProperty("");
    private final StringProperty protocolVersion = new SimpleStringProperty("");

    /** The desktop's default: everything automatic, a served CIMD document offered to an AS on this machine. */
    public static final ClientIdentity DEFAULT = ClientIdentity.automatic().withServedClientMetadata(true);

    /** The identity as last changed, readable from any thread (the properties are the FX thread's). */
    private volatile ClientIdentity current = DEFAULT;
    /** The grant and the token binding as last set, for the same reason; null while the grant's fields are incomplete. */
    private volatile MachineGrantSettings grantNow = MachineGrantSettings.DEFAULT;
    private volatile boolean dpopNow;

    public ClientSettings() {
        javafx.beans.InvalidationListener changed = o -> {
            current = identity();
            grantNow = machineGrantOrNull();
            dpopNow = dpop.get();
        };
        for (javafx.beans.Observable p : new javafx.beans.Observable[] {registration, clientId, clientSecret, metadataUrl, scope,
                callbackPort, callbackHost, callbackPath, tokenAuthMethod, protocolVersion, grant, clientKeyFile, assertion, idToken,
                idpTokenEndpoint, idpClientId, idpClientSecret, dpop}) {
            p.addListener(changed);
        }
    }

    /** The identity as last set on the FX thread, for a connection opening on another thread. */
    public ClientIdentity current() {
        return current;
    }

    /** The identity these settings describe; what the registration choice does not use is left out. FX thread. */
    public ClientIdentity identity() {
        // a machine grant always uses the pre-registered client: there is no person to register one for
        Registration how = grant.get() != Grant.AUTHORIZATION_CODE ? Registration.PRE_REGISTERED : registration.get();
        return new ClientIdentity(how == Registration.PRE_REGISTERED ? clientId.get() : null,
                how == Registration.PRE_REGISTERED ? clientSecret.get() : null,
                how == Registration.CIMD_URL ? metadataUrl.get() : null, how == Registration.AUTOMATIC, scope.get(),
                callbackHost.get(), callbackPort.get(), callbackPath.get(), tokenAuthMethod.get(), protocolVersion.get());
    }

    /** Shows {@code identity} (a saved connection's); the registration choice follows from what it sets. */
    public void load(ClientIdentity identity) {
        registration.set(identity.clientId() != null ? Registration.PRE_REGISTERED
                : identity.clientMetadataUrl() != null ? Registration.CIMD_URL
                : identity.serveClientMetadata() ? Registration.AUTOMATIC : Registration.DCR);
        clientId.set(orEmpty(identity.clientId()));
        clientSecret.set(orEmpty(identity.clientSecret()));
        metadataUrl.set(orEmpty(identity.clientMetadataUrl()));
        scope.set(orEmpty(identity.scope()));
        callbackPort.set(identity.callbackPort());
        callbackHost.set(orEmpty(identity.callbackHost()));
        callbackPath.set(orEmpty(identity.callbackPath()));
        tokenAuthMethod.set(orEmpty(identity.tokenAuthMethod()));
        protocolVersion.set(orEmpty(identity.protocolVersion()));
    }

    /** Shows {@code identity} with the registration choice {@code how} (a choice whose fields are still empty). */
    public void load(ClientIdentity identity, Registration how) {
        load(identity);
        registration.set(how);
    }

    /** The flow's options for these settings, with {@code agent} taking the user through authorization. Off the FX thread. */
    public FlowOptions options(AuthorizationAgent agent) throws IOException {
        return options(current(), agent);
    }

    /**
     * The flow's options for {@code identity} (a saved connection's, or these settings') with this
     * dialog's grant and token binding. Reads the client key file when one is chosen: off the FX thread.
     */
    public FlowOptions options(ClientIdentity identity, AuthorizationAgent agent) throws IOException {
        MachineGrantSettings machine = grantNow;
        if (machine == null) throw new IllegalArgumentException("the grant's settings are incomplete: open Client… to finish them");
        return machine.applyTo(identity.flowOptions(agent, Duration.ofMinutes(5)).withDPoP(dpopNow));
    }

    private MachineGrantSettings machineGrantOrNull() {
        try {
            return machineGrant();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The grant and the JWTs it presents, checked (the message names the command-line option of the same meaning). */
    public MachineGrantSettings machineGrant() {
        String key = blankToNull(clientKeyFile.get());
        String endpoint = blankToNull(idpTokenEndpoint.get());
        boolean jwtBearer = grant.get() == Grant.JWT_BEARER;
        boolean idJag = grant.get() == Grant.ID_JAG;
        return new MachineGrantSettings(grant.get(), key == null ? null : Path.of(key), jwtBearer ? assertion.get() : null,
                idJag ? idToken.get() : null, idJag && endpoint != null ? URI.create(endpoint) : null,
                idJag ? idpClientId.get() : null, idJag ? idpClientSecret.get() : null);
    }

    /** One line for the tab's header. */
    public String summary() {
        String who = grant.get() != Grant.AUTHORIZATION_CODE ? grant.get().cliName() + " as client " + clientId.get()
                + (clientKeyFile.get().isBlank() ? "" : " (private_key_jwt)") : switch (registration.get()) {
            case AUTOMATIC -> "automatic registration";
            case PRE_REGISTERED -> "client " + clientId.get();
            case CIMD_URL -> "CIMD " + metadataUrl.get();
            case DCR -> "DCR";
        };
        return who + (scope.get().isBlank() ? "" : " · scope " + scope.get())
                + (tokenAuthMethod.get().isBlank() ? "" : " · " + tokenAuthMethod.get())
                + (callbackHost.get().isBlank() && callbackPath.get().isBlank() && callbackPort.get() == 0 ? ""
                : " · callback " + (callbackHost.get().isBlank() ? FlowOptions.DEFAULT_CALLBACK_HOST : callbackHost.get())
                + ":" + (callbackPort.get() == 0 ? "any" : callbackPort.get())
                + (callbackPath.get().isBlank() ? FlowOptions.DEFAULT_CALLBACK_PATH : callbackPath.get()))
                + (protocolVersion.get().isBlank() ? "" : " · MCP " + protocolVersion.get())
                + (dpop.get() ? " · DPoP" : "");
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public ObjectProperty<Registration> registrationProperty() {
        return registration;
    }

    public StringProperty clientIdProperty() {
        return clientId;
    }

    public StringProperty clientSecretProperty() {
        return clientSecret;
    }

    public StringProperty metadataUrlProperty() {
        return metadataUrl;
    }

    public StringProperty scopeProperty() {
        return scope;
    }

    public IntegerProperty callbackPortProperty() {
        return callbackPort;
    }

    public ObjectProperty<Grant> grantProperty() {
        return grant;
    }

    /** A JWK or PKCS#8 PEM file: the client authenticates with private_key_jwt. */
    public StringProperty clientKeyFileProperty() {
        return clientKeyFile;
    }

    /** {@code file:PATH} or {@code env:NAME} of the workload identity token (JWT bearer grant). */
    public StringProperty assertionProperty() {
        return assertion;
    }

    /** {@code file:PATH} or {@code env:NAME} of the ID token (ID-JAG). */
    public StringProperty idTokenProperty() {
        return idToken;
    }

    public StringProperty idpTokenEndpointProperty() {
        return idpTokenEndpoint;
    }

    public StringProperty idpClientIdProperty() {
        return idpClientId;
    }

    public StringProperty idpClientSecretProperty() {
        return idpClientSecret;
    }

    /** Ask for DPoP-bound tokens (RFC 9449) even when the server does not demand them. */
    public BooleanProperty dpopProperty() {
        return dpop;
    }

    public StringProperty callbackHostProperty() {
        return callbackHost;
    }

    public StringProperty callbackPathProperty() {
        return callbackPath;
    }

    public StringProperty tokenAuthMethodProperty() {
        return tokenAuthMethod;
    }

    public StringProperty protocolVersionProperty() {
        return protocolVersion;
    }
}
