package dev.mcpworkbench.app.cli;

import dev.mcpworkbench.app.auth.ClientKeyFiles;
import dev.mcpworkbench.app.auth.MachineGrantSettings;
import dev.mcpworkbench.oauth.registration.ClientKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code connect} options of machine clients that present JWTs (RFC 7523): a private key for
 * {@code private_key_jwt} client authentication, a workload identity token for the JWT bearer grant,
 * and the enterprise identity provider of an ID-JAG (RFC 8693 token exchange, then the JWT bearer grant).
 * Tokens come from files or environment variables, never from the command line.
 */
public final class JwtGrantOptions {

    @Option(names = "--client-key", paramLabel = "FILE", description = "The client's private key (a JWK, or a PKCS#8 PEM "
            + "'BEGIN PRIVATE KEY' file): the client authenticates at the token endpoint with a signed assertion (private_key_jwt).")
    Path clientKey;

    @Option(names = "--new-client-key", paramLabel = "FILE", description = "Make an EC P-256 key, save it as a JWK in FILE "
            + "(which must not exist; owner-only), print its public JWK to register at the authorization server, and "
            + "authenticate with it (private_key_jwt). Use --client-key FILE next time.")
    Path newClientKey;

    @Option(names = "--assertion", paramLabel = "file:PATH|env:NAME", description = "For --grant jwt-bearer: the JWT to "
            + "exchange for tokens, such as a workload identity token; read again at every grant.")
    String assertion;

    @Option(names = "--id-token", paramLabel = "file:PATH|env:NAME", description = "For --grant id-jag: the user's ID token "
            + "from the enterprise identity provider.")
    String idToken;

    @Option(names = "--idp-token-endpoint", paramLabel = "URL", description = "For --grant id-jag: the enterprise identity "
            + "provider's token endpoint, where the ID token is exchanged for an ID-JAG.")
    URI idpTokenEndpoint;

    @Option(names = "--idp-client-id", paramLabel = "ID", description = "For --grant id-jag: this client's id at the identity provider.")
    String idpClientId;

    @Option(names = "--idp-client-secret", paramLabel = "SECRET", description = "For --grant id-jag: this client's secret at "
            + "the identity provider (client_secret_basic); none when omitted.")
    String idpClientSecret;

    /** The grant and its JWTs; refuses options that do not fit {@code grant} before anything connects. */
    MachineGrantSettings settings(String grant) {
        if (clientKey != null && newClientKey != null) throw new IllegalArgumentException("--client-key and --new-client-key exclude each other");
        MachineGrantSettings settings = new MachineGrantSettings(MachineGrantSettings.Grant.parse(grant), clientKey, assertion, idToken,
                idpTokenEndpoint, idpClientId, idpClientSecret);
        settings.validate();
        return settings;
    }

    /** The settings with the key {@code --new-client-key} asked for, made, saved and its public half printed on {@code err}. */
    MachineGrantSettings withNewKey(MachineGrantSettings settings, PrintWriter err) throws IOException {
        if (newClientKey == null) return settings;
        ClientKey key = ClientKeyFiles.create(newClientKey);
        err.println("New client key saved in " + newClientKey + "; register its public JWK with the authorization server:");
        err.println(key.publicJwk().toJSONString());
        err.flush();
        return new MachineGrantSettings(settings.grant(), newClientKey, settings.assertion(), settings.idToken(),
                settings.idpTokenEndpoint(), settings.idpClientId(), settings.idpClientSecret());
    }
}
