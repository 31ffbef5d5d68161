package dev.mcpworkbench.app.ui.connect;

import java.util.Collection;

/**
 * Connection names are unique: suppressions, pins and the CLI's {@code --profile NAME} find a
 * profile by its name, so two of one name would share (and overwrite) each other's data.
 */
public final class ProfileNames {

    private ProfileNames() {
    }

    /** {@code base}, or {@code base 2}, {@code base 3}… whichever is not in {@code taken}. */
    public static String free(String base, Collection<String> taken) {
        String name = base;
        for (int n = 2; taken.contains(name); n++) name = base + " " + n;
        return name;
    }
}
