package dev.mcpworkbench.app.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.app.auth.ClientIdentity;
import dev.mcpworkbench.app.auth.ClientIdentityProfiles;
import dev.mcpworkbench.inspector.connect.ServerTarget;
import dev.mcpworkbench.inspector.profile.ConnectionProfile;
import dev.mcpworkbench.inspector.profile.ProfileStore;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OAuth client secret a connection saves with its client identity (the Client… dialog) goes
 * to the OS keychain like its header values: profiles.json holds a reference, the next run reads
 * the secret back, and deleting the connection removes it (a real Secret Service, as in
 * {@link KeychainProfilesTest}).
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ClientSecretInKeychainTest {

    private static final String CLIENT_SECRET = "cs-7d41e9b2";

    @TempDir
    Path dir;

    private final Preferences prefs = Preferences.userRoot().node("mcp-workbench-test-client-secret");

    @AfterEach
    void forgetChoice() throws Exception {
        prefs.removeNode();
    }

    @Test
    void theClientSecretOfASavedIdentityLivesInTheKeychain() throws Exception {
        Assumptions.assumeTrue(SecretServiceFixture.available(), "no dbus-daemon and gnome-keyring-daemon here");
        ClientIdentity identity = new ClientIdentity("billing-bot", CLIENT_SECRET, null, false, "notes:read", null, 0, null,
                "client_secret_post", null);
        ConnectionProfile acme = ClientIdentityProfiles.write(
                ConnectionProfile.of("acme", new ServerTarget.StreamableHttp(URI.create("http://127.0.0.1:3001/mcp"), Map.of())), identity);
        try (SecretServiceFixture service = new SecretServiceFixture(Files.createDirectories(dir.resolve("home")));
             OsKeychain keychain = OsKeychain.open().orElseThrow();
             SecretStorage storage = new SecretStorage(prefs, OsKeychain::open);
             SecretStorage nextRun = new SecretStorage(prefs, OsKeychain::open)) {
            new ProfileStore(dir, storage).save(List.of(acme));

            String file = Files.readString(dir.resolve("profiles.json"));
            assertThat(file).doesNotContain(CLIENT_SECRET).contains("${keychain:acme/oauth/clientSecret}").contains("billing-bot");
            assertThat(keychain.get("acme/oauth/clientSecret")).contains(CLIENT_SECRET);

            ProfileStore reopened = new ProfileStore(dir, nextRun);
            ConnectionProfile loaded = reopened.load().profiles().get(0);
            assertThat(ClientIdentityProfiles.read(loaded)).contains(identity);

            reopened.save(List.of());
            assertThat(keychain.get("acme/oauth/clientSecret")).isEmpty();
        }
    }
}
