package dev.mcpworkbench.inspector.traffic;

/**
 * An object or array of a received message that stays in the message's bytes until someone reads
 * it (see {@link MessageTreeReader}). It answers every question an ObjectNode or ArrayNode does,
 * with the same content; the first question parses it. A view that would otherwise do that first
 * read on the FX thread asks {@link #isRead} and calls {@link #read} elsewhere.
 */
public interface LazyContainer {

    /** Whether the content has been parsed already: asking it anything now costs nothing more. */
    boolean isRead();

    /** Parses the content now, if not done yet; safe from any thread, done once. */
    void read();

    /** Bytes of the container as sent, brackets included: its size without reading it. */
    int sentBytes();
}
