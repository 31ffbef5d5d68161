package dev.mcpworkbench.inspector.profile;

import java.io.IOException;
import java.util.Optional;

/** {@link SecretStore#PLAIN_TEXT}: the values stay in profiles.json; nothing is stored elsewhere. */
final class PlainTextSecrets implements SecretStore {

    @Override
    public String describe() {
        return "plain text in profiles.json";
    }

    @Override
    public boolean keepsValuesOutOfTheFile() {
        return false;
    }

    @Override
    public void put(String account, String value) throws IOException {
        throw new IOException("no secret store: the value stays in profiles.json");
    }

    @Override
    public Optional<String> get(String account) {
        return Optional.empty();
    }

    @Override
    public void delete(String account) {
        // nothing is stored anywhere but the file
    }
}
