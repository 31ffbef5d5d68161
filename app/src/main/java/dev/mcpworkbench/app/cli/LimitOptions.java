package dev.mcpworkbench.app.cli;

import dev.mcpworkbench.inspector.connect.ConnectOptions;
import dev.mcpworkbench.inspector.connect.MessageTooLargeException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * The limits a hostile or broken server meets, shared by {@code connect}, {@code scan} and
 * {@code snapshot} (a picocli mixin): how large one message may be and how many pages one list may
 * run to. The defaults are safe; a server past a limit fails with a one-line error naming it.
 */
public final class LimitOptions {

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(|b|k|kb|kib|m|mb|mib|g|gb|gib)", Pattern.CASE_INSENSITIVE);

    @Option(names = "--max-message-size", paramLabel = "SIZE",
            description = "Largest message read from the server (a stdio line, an HTTP body, an SSE event): bytes, or with "
                    + "KiB, MiB or GiB (K, M, G mean the same). Default: 256MiB.")
    String maxMessageSize;

    @Option(names = "--max-list-pages", paramLabel = "N",
            description = "Most pages followed through one list (tools/list, resources/list...). Default: "
                    + ConnectOptions.DEFAULT_MAX_LIST_PAGES + ".")
    Integer maxListPages;

    /** {@code base} with the limits given on the command line; refuses a value that is not a size or count. */
    ConnectOptions apply(ConnectOptions base) {
        ConnectOptions options = base;
        if (maxMessageSize != null) options = options.withMaxMessageBytes(bytes("--max-message-size", maxMessageSize));
        if (maxListPages != null) {
            if (maxListPages < 1) throw new IllegalArgumentException("--max-list-pages takes a count of 1 or more, not " + maxListPages);
            options = options.withMaxListPages(maxListPages);
        }
        return options;
    }

    /** Checks the values before anything connects. */
    void validate() {
        apply(ConnectOptions.defaults());
    }

    /** {@code 1048576}, {@code 64KiB}, {@code 10M}, {@code 1 GiB}: binary units, since the limit guards memory. */
    static long bytes(String option, String size) {
        Matcher m = SIZE.matcher(size.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(option + " takes bytes or a size such as 64KiB, 10MiB or 1GiB, not '" + size + "'");
        }
        int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k", "kb", "kib" -> 10;
            case "m", "mb", "mib" -> 20;
            case "g", "gb", "gib" -> 30;
            default -> 0;
        };
        long value;
        try {
            value = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            value = Long.MAX_VALUE;
        }
        long max = Integer.MAX_VALUE - 16;
        if (value < 1 || value > max >> shift) {
            throw new IllegalArgumentException(option + " takes 1 byte to " + MessageTooLargeException.human(1L << 31)
                    + ", not '" + size + "'");
        }
        return value << shift;
    }
}
