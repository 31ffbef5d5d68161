package dev.mcpworkbench.inspector.rules.text;

import dev.mcpworkbench.inspector.rules.Location;

/**
 * One decoded string of the server's metadata.
 *
 * @param location which item and where inside it (for a key: the pointer of the member it names)
 * @param text     the decoded string, exactly as received
 * @param key      true when the string is an object key (a property name), not a value
 */
public record TextItem(Location location, String text, boolean key) {


    /** NFKC, invisible characters stripped, lower case. Computed on demand, not cached (memory). */
    public String normalized() {
        return Texts.normalize(text);
    }
}
