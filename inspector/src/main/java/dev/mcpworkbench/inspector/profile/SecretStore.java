package dev.mcpworkbench.inspector.profile;

import java.io.IOException;
import java.util.Optional;

/**
 * Where the secrets of saved connections (header values, environment values) are kept, so that
 * {@code profiles.json} holds a reference instead ({@link ProfileSecrets}). The OS keychain is the
 * back end the app uses; {@link #PLAIN_TEXT} keeps the values in the file itself, for a user who
 * chooses that or a machine without a keychain. Implementations never log a value.
 */
public interface SecretStore {

    /** No store: values stay in profiles.json as typed. */
    SecretStore PLAIN_TEXT = new PlainTextSecrets();

    /** Where values go, as a person reads it: "the OS keychain (Secret Service)", "plain text in profiles.json". */
    String describe();

    /** True when values leave the file; false for {@link #PLAIN_TEXT}. */
    boolean keepsValuesOutOfTheFile();

    /** Stores {@code value} under {@code account}, replacing what was there. */
    void put(String account, String value) throws IOException;

    /** The value stored under {@code account}, if any. */
    Optional<String> get(String account) throws IOException;

    /** Forgets {@code account}; nothing happens when it holds nothing. */
    void delete(String account) throws IOException;
}
