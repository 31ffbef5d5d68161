package dev.mcpworkbench.lab.auth;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The clients the authorization server knows: two pre-registered ones (a confidential
 * {@value #CONFIDENTIAL_CLIENT_ID} and a public {@value #PUBLIC_CLIENT_ID}, both with a loopback
 * redirect), the ones registered through DCR, and CIMD clients fetched on demand.
 */
public final class ClientRegistry {

    public static final String CONFIDENTIAL_CLIENT_ID = "lab-confidential";
    public static final String PUBLIC_CLIENT_ID = "lab-public";
    public static final String LOOPBACK_REDIRECT = "http://127.0.0.1/callback";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, RegisteredClient> clients = new ConcurrentHashMap<>();
    private final CimdFetcher cimd;
    private final String confidentialSecret = randomToken();
    private final String initialAccessToken = randomToken();

    ClientRegistry(CimdFetcher cimd) {
        this.cimd = cimd;
        clients.put(CONFIDENTIAL_CLIENT_ID, new RegisteredClient(CONFIDENTIAL_CLIENT_ID, confidentialSecret,
                List.of(LOOPBACK_REDIRECT), "client_secret_basic", "web", "Lab confidential client", false));
        clients.put(PUBLIC_CLIENT_ID, new RegisteredClient(PUBLIC_CLIENT_ID, null,
                List.of(LOOPBACK_REDIRECT), "none", "native", "Lab public client", false));
    }

    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The secret of the pre-registered confidential client (basic or post authentication). */
    public String confidentialClientSecret() {
        return confidentialSecret;
    }

    /** The bearer token DCR requires unless registration is open. */
    public String initialAccessToken() {
        return initialAccessToken;
    }

    void register(RegisteredClient client) {
        clients.put(client.clientId(), client);
    }

    /** A known client, or a CIMD client fetched now; empty for an unknown non-URL id. */
    Optional<RegisteredClient> find(String clientId, boolean cimdSupported) throws CimdFetcher.CimdException {
        RegisteredClient known = clientId == null ? null : clients.get(clientId);
        if (known != null) {
            return Optional.of(known);
        }
        if (cimdSupported && CimdFetcher.looksLikeUrl(clientId)) {
            return Optional.of(cimd.fetch(clientId));
        }
        return Optional.empty();
    }
}
