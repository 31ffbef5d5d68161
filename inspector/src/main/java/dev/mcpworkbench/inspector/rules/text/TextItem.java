package dev.mcpworkbench.inspector.rules.text;

import dev.mcpworkbench.inspector.rules.Location;

/**
 * One decoded string of the server's metadata: where it is, the text as received, whether it is
 * an object key (a property name) rather than a value, and its normalized form (computed once,
 * on first use, since several rules match on it).
 */
public final class TextItem {

    private final Location location;
    private final String text;
    private final boolean key;
    private String normalized;

    public TextItem(Location location, String text, boolean key) {
        this.location = location;
        this.text = text;
        this.key = key;
    }

    public Location location() {
        return location;
    }

    public String text() {
        return text;
    }

    public boolean key() {
        return key;
    }

    /** NFKC, invisible characters stripped, lower case. */
    public String normalized() {
        if (normalized == null) normalized = Texts.normalize(text);
        return normalized;
    }
}
