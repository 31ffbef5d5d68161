package dev.mcpworkbench.app.secrets;

import dev.mcpworkbench.inspector.profile.SecretStore;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.prefs.Preferences;

/**
 * Where the desktop and the CLI keep saved connections' secrets: the OS keychain when this machine
 * has one, unless the user chose plain text (remembered in the user's preferences); plain text in
 * profiles.json otherwise. The keychain is looked for on first use, never on the FX thread
 * ({@link #lookUp()} runs in the background at start).
 */
public final class SecretStorage implements SecretStore, AutoCloseable {

    private static final String PLAIN_TEXT_KEY = "secrets.plainText";

    /** The desktop's preferences node (ThemeSettings.appPreferences()), named here for the CLI, which has no UI classes. */
    public static final String PREFERENCES_NODE = "dev/mcpworkbench/app";

    private final Preferences prefs;
    private final Supplier<Optional<? extends SecretStore>> keychainFinder;
    private volatile Optional<? extends SecretStore> keychain;

    public SecretStorage(Preferences prefs, Supplier<Optional<? extends SecretStore>> keychainFinder) {
        this.prefs = prefs;
        this.keychainFinder = keychainFinder;
    }

    /** The user's choice in {@code prefs}, and this session's OS keychain if there is one. */
    public static SecretStorage forUser(Preferences prefs) {
        return new SecretStorage(prefs, OsKeychain::open);
    }

    /** Looks for the keychain now (it takes a D-Bus round trip or a native call): call off the FX thread. */
    public Optional<? extends SecretStore> lookUp() {
        Optional<? extends SecretStore> found = keychain;
        if (found == null) {
            synchronized (this) {
                if (keychain == null) keychain = keychainFinder.get();
                found = keychain;
            }
        }
        return found;
    }

    /** True once the keychain was looked for and none was found. */
    public boolean noKeychain() {
        Optional<? extends SecretStore> found = keychain;
        return found != null && found.isEmpty();
    }

    /** True when the user asked for plain text although a keychain may exist. */
    public boolean plainTextChosen() {
        return prefs.getBoolean(PLAIN_TEXT_KEY, false);
    }

    public void choosePlainText(boolean plain) {
        prefs.putBoolean(PLAIN_TEXT_KEY, plain);
    }

    private SecretStore current() {
        if (plainTextChosen()) return SecretStore.PLAIN_TEXT;
        return lookUp().<SecretStore>map(s -> s).orElse(SecretStore.PLAIN_TEXT);
    }

    /**
     * What the save dialog says: where header and environment values go, and why when it is plain
     * text. Reads what is known without looking for the keychain.
     */
    public String note() {
        if (plainTextChosen()) return "Header and environment values are saved in plain text in profiles.json, as you chose.";
        Optional<? extends SecretStore> found = keychain;
        if (found == null) return "Header and environment values go to the OS keychain if this machine has one, else in plain text in profiles.json.";
        return found.map(s -> "Header and environment values are kept in " + s.describe() + "; profiles.json holds a reference.")
                .orElse("No OS keychain was found: header and environment values are saved in plain text in profiles.json.");
    }

    @Override
    public String describe() {
        return current().describe();
    }

    @Override
    public boolean keepsValuesOutOfTheFile() {
        return current().keepsValuesOutOfTheFile();
    }

    @Override
    public void put(String account, String value) throws IOException {
        current().put(account, value);
    }

    /** Closes the keychain's connection (a D-Bus connection on Linux), if one was opened. */
    @Override
    public void close() {
        Optional<? extends SecretStore> found = keychain;
        if (found != null && found.isPresent() && found.get() instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                // closing anyway
            }
        }
    }

    /** Values are read from the keychain even after choosing plain text: the file may still refer to it. */
    @Override
    public Optional<String> get(String account) throws IOException {
        Optional<? extends SecretStore> found = lookUp();
        return found.isPresent() ? found.get().get(account) : Optional.empty();
    }

    /** Entries are deleted from the keychain whatever the choice: switching to plain text leaves none behind. */
    @Override
    public void delete(String account) throws IOException {
        Optional<? extends SecretStore> found = lookUp();
        if (found.isPresent()) found.get().delete(account);
    }
}
