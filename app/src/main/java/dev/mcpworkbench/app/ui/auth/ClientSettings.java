package dev.mcpworkbench.app.ui.auth;

import dev.mcpworkbench.app.auth.ClientIdentity;
import dev.mcpworkbench.oauth.flow.AuthorizationAgent;
import dev.mcpworkbench.oauth.flow.FlowOptions;
import java.time.Duration;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Client… dialog's view of a {@link ClientIdentity} (the option model the CLI's client flags
 * share): how the client is registered, the scope, the token endpoint authentication method, the
 * loopback callback's host, port and path, and the MCP protocol version. Empty text means automatic.
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
    private final StringProperty callbackHost = new SimpleStringProperty("");
    private final StringProperty callbackPath = new SimpleStringProperty("");
    private final StringProperty tokenAuthMethod = new SimpleStringProperty("");
    private final StringProperty protocolVersion = new SimpleStringProperty("");

    /** The desktop's default: everything automatic, a served CIMD document offered to an AS on this machine. */
    public static final ClientIdentity DEFAULT = ClientIdentity.automatic().withServedClientMetadata(true);

    /** The identity as last changed, readable from any thread (the properties are the FX thread's). */
    private volatile ClientIdentity current = DEFAULT;

    public ClientSettings() {
        javafx.beans.InvalidationListener changed = o -> current = identity();
        for (javafx.beans.Observable p : new javafx.beans.Observable[] {registration, clientId, clientSecret, metadataUrl, scope,
                callbackPort, callbackHost, callbackPath, tokenAuthMethod, protocolVersion}) {
            p.addListener(changed);
        }
    }

    /** The identity as last set on the FX thread, for a connection opening on another thread. */
    public ClientIdentity current() {
        return current;
    }

    /** The identity these settings describe; what the registration choice does not use is left out. FX thread. */
    public ClientIdentity identity() {
        Registration how = registration.get();
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

    /** The flow's options for these settings, with {@code agent} taking the user through authorization. */
    public FlowOptions options(AuthorizationAgent agent) {
        return current().flowOptions(agent, Duration.ofMinutes(5));
    }

    /** One line for the tab's header. */
    public String summary() {
        String who = switch (registration.get()) {
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
                + (protocolVersion.get().isBlank() ? "" : " · MCP " + protocolVersion.get());
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
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
