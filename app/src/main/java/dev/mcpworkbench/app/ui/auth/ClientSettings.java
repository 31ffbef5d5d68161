package dev.mcpworkbench.app.ui.auth;

import dev.mcpworkbench.app.auth.MachineGrantSettings;
import dev.mcpworkbench.app.auth.MachineGrantSettings.Grant;
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
 * Who the workbench is to the authorization server on the next connection: how the client is
 * registered, the scope asked for (empty: chosen from the challenge and metadata), the loopback
 * callback port (0: any free port), whether to ask for DPoP-bound tokens when the server does not
 * demand them (it gets them anyway when it does), and the grant: the authorization code flow, or a
 * machine grant (client credentials, JWT bearer with a workload identity token, enterprise-managed
 * ID-JAG) with the pre-registered client and, optionally, its private key for {@code private_key_jwt}.
 * The token endpoint authentication method is not offered: the flow picks it from the registration,
 * the key and the server's metadata.
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

    /**
     * The flow's options for these settings, with {@code agent} taking the user through authorization.
     * Reads the client key file when one is chosen: call it off the FX thread.
     */
    public FlowOptions options(AuthorizationAgent agent) throws IOException {
        Registration how = grant.get() != Grant.AUTHORIZATION_CODE ? Registration.PRE_REGISTERED : registration.get();
        String id = how == Registration.PRE_REGISTERED ? blankToNull(clientId.get()) : null;
        String secret = how == Registration.PRE_REGISTERED ? blankToNull(clientSecret.get()) : null;
        String url = how == Registration.CIMD_URL ? blankToNull(metadataUrl.get()) : null;
        FlowOptions base = new FlowOptions(id, secret, url, blankToNull(scope.get()), callbackPort.get(), Duration.ofMinutes(5), agent,
                null, 2).withServedClientMetadata(how == Registration.AUTOMATIC).withDPoP(dpop.get());
        return machineGrant().applyTo(base);
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
                + (callbackPort.get() == 0 ? "" : " · callback port " + callbackPort.get())
                + (dpop.get() ? " · DPoP" : "");
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
}
