package dev.mcpworkbench.app.secrets;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import dev.mcpworkbench.inspector.profile.SecretStore;
import java.io.IOException;
import java.util.Optional;

/**
 * The operating system's keychain through java-keyring: the Secret Service over D-Bus on Linux
 * (GNOME Keyring, KeePassXC...), KWallet, the macOS Keychain, the Windows Credential Manager.
 * Entries are under the service {@value #SERVICE}, one account per value. Errors name the
 * account, never the value.
 */
public final class OsKeychain implements SecretStore, AutoCloseable {

    public static final String SERVICE = "mcp-workbench";

    private final Keyring keyring;

    private OsKeychain(Keyring keyring) {
        this.keyring = keyring;
    }

    /** The keychain of this session, or empty when there is none (no D-Bus session, no Secret Service...). */
    public static Optional<OsKeychain> open() {
        try {
            return Optional.of(new OsKeychain(Keyring.create()));
        } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    @Override
    public String describe() {
        return "the OS keychain (" + switch (keyring.getKeyringStorageType()) {
            case GNOME_KEYRING -> "Secret Service";
            case KWALLET -> "KWallet";
            case OSX_KEYCHAIN, LEGACY_OSX_KEYCHAIN -> "macOS Keychain";
            case WINDOWS_CREDENTIAL_STORE -> "Windows Credential Manager";
        } + ")";
    }

    @Override
    public boolean keepsValuesOutOfTheFile() {
        return true;
    }

    @Override
    public synchronized void put(String account, String value) throws IOException {
        try {
            keyring.setPassword(SERVICE, account, value);
        } catch (PasswordAccessException | RuntimeException e) {
            throw new IOException(describe() + " did not store the secret \u201c" + account + "\u201d: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Optional<String> get(String account) {
        try {
            return Optional.ofNullable(keyring.getPassword(SERVICE, account));
        } catch (PasswordAccessException | RuntimeException e) {
            return Optional.empty(); // java-keyring says "no such entry" and "refused" alike
        }
    }

    @Override
    public synchronized void delete(String account) {
        try {
            keyring.deletePassword(SERVICE, account);
        } catch (PasswordAccessException | RuntimeException e) {
            // already gone
        }
    }

    @Override
    public void close() {
        try {
            keyring.close();
        } catch (Exception e) {
            // the D-Bus connection is closing anyway
        }
    }
}
