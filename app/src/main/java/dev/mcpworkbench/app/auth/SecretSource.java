package dev.mcpworkbench.app.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Where a token the user gives comes from: {@code file:PATH} or {@code env:NAME}, never the command
 * line itself (where other users of the machine could read it). Read each time it is asked for, so a
 * workload identity token file that the platform rotates is read fresh at every grant.
 */
public final class SecretSource implements Supplier<String> {

    private final String description;
    private final Supplier<String> reader;

    private SecretSource(String description, Supplier<String> reader) {
        this.description = description;
        this.reader = reader;
    }

    /** {@code file:PATH} or {@code env:NAME}. */
    public static SecretSource parse(String spec) {
        return parse(spec, System::getenv);
    }

    static SecretSource parse(String spec, Function<String, String> environment) {
        if (spec != null && spec.startsWith("file:") && spec.length() > 5) {
            Path file = Path.of(spec.substring(5));
            return new SecretSource(spec, () -> {
                try {
                    return nonEmpty(Files.readString(file, StandardCharsets.UTF_8), spec);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
                }
            });
        }
        if (spec != null && spec.startsWith("env:") && spec.length() > 4) {
            String name = spec.substring(4);
            return new SecretSource(spec, () -> nonEmpty(environment.apply(name), spec));
        }
        throw new IllegalArgumentException("expected file:PATH or env:NAME, not '" + (spec == null ? "" : spec.replaceAll("(.{12}).+", "$1...")) + "'");
    }

    private static String nonEmpty(String value, String spec) {
        if (value == null || value.isBlank()) throw new IllegalStateException(spec + " is empty or not set");
        return value.strip();
    }

    @Override
    public String get() {
        return reader.get();
    }

    @Override
    public String toString() {
        return description;
    }
}
