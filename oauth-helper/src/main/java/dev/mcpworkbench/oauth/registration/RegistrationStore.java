package dev.mcpworkbench.oauth.registration;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dynamically registered clients, in memory, keyed by the exact issuer. A registration is only ever
 * returned for the issuer that issued it: credentials never travel to another authorization server.
 */
public final class RegistrationStore {

    private final Map<String, ClientRegistration> byIssuer = new ConcurrentHashMap<>();

    public Optional<ClientRegistration> forIssuer(String issuer) {
        return Optional.ofNullable(byIssuer.get(issuer));
    }

    public void remember(ClientRegistration registration) {
        byIssuer.put(registration.issuer(), registration);
    }

    public void forget(String issuer) {
        byIssuer.remove(issuer);
    }
}
