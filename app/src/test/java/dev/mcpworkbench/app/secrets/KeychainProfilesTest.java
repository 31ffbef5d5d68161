package dev.mcpworkbench.app.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.app.ui.connect.ProfileFields;
import dev.mcpworkbench.app.ui.connect.ProfileStore;
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
 * Saved connections' secrets against a real Secret Service (GNOME Keyring on a private D-Bus
 * session, {@link SecretServiceFixture}): the values go to the keychain, profiles.json holds
 * references, loading gives the values back, renaming and deleting leave nothing behind, and
 * without a keychain the values stay in plain text and the dialog's note says so.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class KeychainProfilesTest {

    private static final String TOKEN = "Bearer tok-3f9c2a71";
    private static final String API_KEY = "key-81d0b6";
    private static final String ENV_SECRET = "env-5e27a4";

    @TempDir
    Path dir;

    private final Preferences prefs = Preferences.userRoot().node("mcp-workbench-test-secrets");

    @AfterEach
    void forgetChoice() throws Exception {
        prefs.removeNode();
    }

    private static ProfileFields http(String name) {
        return new ProfileFields(name, ProfileFields.Kind.HTTP, "", List.of(), Map.of(), "", "http://127.0.0.1:3001/mcp",
                Map.of("Authorization", TOKEN, "X-Api-Key", API_KEY), List.of());
    }

    private static ProfileFields stdio(String name) {
        return new ProfileFields(name, ProfileFields.Kind.STDIO, "node", List.of("server.js"), Map.of("API_TOKEN", ENV_SECRET),
                "", "", Map.of(), List.of());
    }

    private String file() throws Exception {
        return Files.readString(dir.resolve("profiles").resolve("profiles.json"));
    }

    @Test
    void secretsLiveInTheKeychainAndTheFileHoldsReferences() throws Exception {
        Assumptions.assumeTrue(SecretServiceFixture.available(),
                "no dbus-daemon and gnome-keyring-daemon here: only the plain-text fallback is tested");
        try (SecretServiceFixture service = new SecretServiceFixture(Files.createDirectories(dir.resolve("home")));
             OsKeychain keychain = OsKeychain.open().orElseThrow();
             SecretStorage storage = new SecretStorage(prefs, OsKeychain::open);
             SecretStorage nextRun = new SecretStorage(prefs, OsKeychain::open)) {
            ProfileStore store = new ProfileStore(dir.resolve("profiles"), storage);
            store.save(List.of(http("acme"), stdio("notes")));

            assertThat(file()).doesNotContain(TOKEN).doesNotContain(API_KEY).doesNotContain(ENV_SECRET)
                    .contains("${keychain:acme/header/Authorization}").contains("${keychain:notes/env/API_TOKEN}");
            assertThat(keychain.get("acme/header/Authorization")).contains(TOKEN);
            assertThat(storage.note()).contains("Secret Service").contains("profiles.json holds a reference");

            // a new store (the next run of the app, or scan --profile) reads the values back
            ProfileStore reopened = new ProfileStore(dir.resolve("profiles"), nextRun);
            assertThat(reopened.load()).containsExactly(http("acme"), stdio("notes"));
            assertThat(reopened.warning()).isEmpty();

            // renamed and deleted connections leave no entries behind
            reopened.renamed("acme", "acme-prod");
            reopened.save(List.of(http("acme-prod")));
            assertThat(keychain.get("acme-prod/header/Authorization")).contains(TOKEN);
            assertThat(keychain.get("acme/header/Authorization")).isEmpty();
            assertThat(keychain.get("notes/env/API_TOKEN")).isEmpty();

            // a value gone from the keychain is named in the warning, without any value
            keychain.delete("acme-prod/header/X-Api-Key");
            assertThat(reopened.load()).singleElement().satisfies(p -> assertThat(p.headers()).containsEntry("X-Api-Key", ""));
            assertThat(reopened.warning()).contains("header \u201cX-Api-Key\u201d of the saved connection \u201cacme-prod\u201d")
                    .contains("not in the OS keychain").doesNotContain(TOKEN);

            // choosing plain text moves the values into the file and out of the keychain
            storage.choosePlainText(true);
            store.save(List.of(http("acme-prod")));
            assertThat(file()).contains(TOKEN).doesNotContain("${keychain:");
            assertThat(keychain.get("acme-prod/header/Authorization")).isEmpty();
        }
    }

    @Test
    void withoutAKeychainTheValuesStayInPlainTextAndTheNoteSaysSo() throws Exception {
        // a session bus address where nothing listens: java-keyring finds no Secret Service, as on a machine without one
        String previous = System.getProperty("DBUS_SESSION_BUS_ADDRESS");
        System.setProperty("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + dir.resolve("no-bus"));
        try {
            SecretStorage storage = new SecretStorage(prefs, OsKeychain::open);
            assertThat(storage.lookUp()).isEmpty();
            assertThat(storage.noKeychain()).isTrue();
            assertThat(storage.note()).isEqualTo(
                    "No OS keychain was found: header and environment values are saved in plain text in profiles.json.");
            ProfileStore store = new ProfileStore(dir.resolve("profiles"), storage);
            store.save(List.of(http("acme")));
            assertThat(file()).contains(TOKEN).contains(API_KEY).doesNotContain("${keychain:");
            assertThat(store.load()).containsExactly(http("acme"));
        } finally {
            if (previous == null) System.clearProperty("DBUS_SESSION_BUS_ADDRESS");
            else System.setProperty("DBUS_SESSION_BUS_ADDRESS", previous);
        }
    }
}
