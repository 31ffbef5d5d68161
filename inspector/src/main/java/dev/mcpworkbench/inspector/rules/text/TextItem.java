package dev.mcpworkbench.inspector.rules.text;

import dev.mcpworkbench.inspector.rules.Location;
import java.util.Locale;

/**
 * One decoded string of the server's metadata: where it is, the text as received, whether it is
 * an object key (a property name) rather than a value, and its normalized form. The location and
 * the normalized text are computed on first use: a large server has hundreds of thousands of
 * strings and only a few ever become findings.
 */
public final class TextItem {

    private final Location.Kind kind;
    private final String itemName;
    private final JsonPath path;
    private final String text;
    private final boolean key;
    private Location location;
    private String normalized;
    private byte plainAscii = -1; // unknown, 0 no, 1 yes
    private long cues = -1;

    public TextItem(Location location, String text, boolean key) {
        this(location.kind(), location.name(), null, text, key);
        this.location = location;
    }

    TextItem(Location.Kind kind, String itemName, JsonPath path, String text, boolean key) {
        this.kind = kind;
        this.itemName = itemName;
        this.path = path;
        this.text = text;
        this.key = key;
    }

    /** Computes the normalized text and its cues up front, so rules running in parallel only read. */
    public void prepare() {
        cues();
    }

    public Location location() {
        if (location == null) location = new Location(kind, itemName, path == null ? "" : path.pointer());
        return location;
    }

    public Location.Kind kind() {
        return kind;
    }

    public String itemName() {
        return itemName;
    }

    /** True for the item's own {@code name}: the member "name" directly under the item (pointer "/name"). */
    public boolean isItemName() {
        return path != null && path.isTopLevel() && !key && "name".equals(path.segment());
    }

    public String text() {
        return text;
    }

    public boolean key() {
        return key;
    }

    /** NFKC, invisible characters stripped, lower case. */
    public String normalized() {
        if (normalized == null) normalized = plainAscii() ? text.toLowerCase(Locale.ROOT) : Texts.normalize(text);
        return normalized;
    }

    /** The {@link TextCues} bits of the normalized text: which text rules could match it at all. */
    public long cues() {
        if (cues == -1) {
            long plain = plainAscii == 0 || text == null ? -1 : TextCues.ofPlainAscii(text);
            plainAscii = (byte) (plain >= 0 ? 1 : 0);
            cues = plain >= 0 ? plain : TextCues.of(normalized());
        }
        return cues;
    }

    /** True when the normalized text contains a cue of {@code group} (a {@link TextCues} constant). */
    public boolean mayMatch(long group) {
        return (cues() & group) != 0;
    }

    /** {@link Texts#isPlainAscii} of the text, checked once: normalizing and the hidden-text rule both ask. */
    public boolean plainAscii() {
        if (plainAscii < 0) plainAscii = (byte) (text != null && Texts.isPlainAscii(text) ? 1 : 0);
        return plainAscii == 1;
    }
}
