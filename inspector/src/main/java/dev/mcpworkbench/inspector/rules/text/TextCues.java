package dev.mcpworkbench.inspector.rules.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cheap substrings a text rule's regexes cannot match without, for every text rule at once.
 * A scan has tens of thousands of strings and almost none of them concern any rule; checking
 * each rule's cues with its own {@code contains} calls cost more than the rest of the scan. Here
 * one pass over a normalized string (an Aho–Corasick automaton over all cues) answers, for every
 * cue group, whether the string could match.
 *
 * <p>Each group must list substrings that every match of its rule's pattern contains: the cue is
 * a necessary condition, the regex stays the judge. Cues are ASCII and lower case, since they run
 * on normalized text.
 */
public final class TextCues {

    private static final Map<String, Long> CUE_BITS = new LinkedHashMap<>();

    /** ~/.ssh, .env, credentials files, the conversation: {@code PoisonPatterns.SENSITIVE_TARGET}. */
    public static final long SENSITIVE_TARGET = group(".ssh", "id_", ".env", "mcp.json", "claude_desktop", ".aws",
            "/etc/", ".npmrc", ".netrc", ".git-credentials", ".kube", ".docker", "history", "system prompt");

    /** Data sent out through a URL's query string or copied to an address: {@code PoisonPatterns.urlExfiltration}, {@code REDIRECT}. */
    public static final long EXFILTRATION = group("http", "bcc", "forward", "send", "copy", "recipient");

    /** "ignore previous instructions", "do not tell the user": {@code PoisonPatterns.OVERRIDE}. */
    public static final long OVERRIDE = group("ignore", "disregard", "forget", "override", "bypass", "user", "secret", "hidden");

    /**
     * Conditions on other tools' use: {@code PoisonPatterns.CROSS_TOOL}. "When X is called" needs
     * its verb phrase as the cue: "when" alone is in most descriptions; "another tool" contains "other tool".
     */
    public static final long CROSS_TOOL = group("other tool", "any tool", "is called", "is invoked", "is used", "is run",
            "every tool", "each tool", "this tool", "this one", "this server");

    /**
     * "prefer this tool over", "always use this tool first": DOCS-006's pattern, alternative by
     * alternative. Not "this tool": "use this tool when..." opens half the descriptions there are.
     */
    public static final long STEERING = group("prefer", "always use", "always call", "always invoke", "must use",
            "must call", "must invoke", "tool first", "tools first", "tool before", "tools before", "even when", "even if",
            "instead of", "other tool", "tool you", "search our", "after e", "after any");

    /** Pseudo-tags, bracketed roles and HTML comments: {@code PoisonPatterns.PSEUDO_TAG}. */
    public static final long MARKUP = group("<", "[");

    /**
     * Not a substring but a property of the text, for {@link #flags}: it is not plain ASCII (it may
     * hide invisible characters). The automaton never sets this bit or {@link #BASE64_RUN}.
     */
    public static final long NOT_PLAIN = 1L << 62;

    /**
     * A property for {@link #flags}: a run of at least {@link #BASE64_RUN_CHARS} base64 alphabet
     * characters, which every base64 or hex blob worth decoding has. Prose rarely has one.
     */
    public static final long BASE64_RUN = 1L << 61;

    public static final int BASE64_RUN_CHARS = 40;

    private static final Automaton AUTOMATON = new Automaton(List.copyOf(CUE_BITS.keySet()));

    private TextCues() {
    }

    private static long group(String... cues) {
        long mask = 0;
        for (String cue : cues) {
            Long bit = CUE_BITS.get(cue);
            if (bit == null) {
                // bit 63 stays free (-1 means "not plain ASCII" in ofPlainAscii), 61 and 62 are BASE64_RUN and NOT_PLAIN
                if (CUE_BITS.size() == Long.SIZE - 3) throw new IllegalStateException("more than 61 distinct cues");
                bit = 1L << CUE_BITS.size();
                CUE_BITS.put(cue, bit);
            }
            mask |= bit;
        }
        return mask;
    }

    /** Every cue and its bit, for tests that check the automaton against plain {@code contains}. */
    static Map<String, Long> cueBits() {
        return Map.copyOf(CUE_BITS);
    }

    /** An item's cues with its {@link #NOT_PLAIN} and {@link #BASE64_RUN} properties: what a scan's text index holds. */
    public static long flags(TextItem item) {
        long flags = item.cues();
        if (!item.plainAscii()) flags |= NOT_PLAIN;
        if (hasBase64Run(item.text())) flags |= BASE64_RUN;
        return flags;
    }

    private static final boolean[] BASE64_ALPHABET = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            BASE64_ALPHABET[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
        }
    }

    /** True when the text has {@link #BASE64_RUN_CHARS} base64 alphabet characters in a row. */
    public static boolean hasBase64Run(String text) {
        if (text == null || text.length() < BASE64_RUN_CHARS) return false;
        int run = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            run = c < 128 && BASE64_ALPHABET[c] ? run + 1 : 0;
            if (run >= BASE64_RUN_CHARS) return true;
        }
        return false;
    }

    /** The cue bits present in {@code normalized}; test a group with {@code (of(text) & GROUP) != 0}. */
    public static long of(String normalized) {
        return AUTOMATON.scan(normalized);
    }

    /**
     * The cues of a plain ASCII text ({@link Texts#isPlainAscii}), lower-cased on the fly, or -1
     * when the text is not plain ASCII and must be normalized first. One pass instead of three
     * (check, lower-case copy, scan) over every string of a scan.
     */
    public static long ofPlainAscii(String text) {
        return AUTOMATON.scanPlainAscii(text);
    }

    /** A deterministic automaton over the cues' characters; any other character sends it to the start. */
    private static final class Automaton {

        private final int[] charClass = new int[128];
        private final int classes;
        private final int[] next;
        private final long[] found;

        Automaton(List<String> cues) {
            Arrays.fill(charClass, -1);
            int k = 0;
            for (String cue : cues) {
                for (char c : cue.toCharArray()) {
                    if (c >= 128) throw new IllegalArgumentException("cues are ASCII: " + cue);
                    if (charClass[c] < 0) charClass[c] = k++;
                }
            }
            classes = k;
            List<int[]> trie = new ArrayList<>();
            List<Long> out = new ArrayList<>();
            trie.add(newRow());
            out.add(0L);
            for (String cue : cues) {
                int state = 0;
                for (char c : cue.toCharArray()) {
                    int cls = charClass[c];
                    if (trie.get(state)[cls] < 0) {
                        trie.get(state)[cls] = trie.size();
                        trie.add(newRow());
                        out.add(0L);
                    }
                    state = trie.get(state)[cls];
                }
                out.set(state, out.get(state) | CUE_BITS.get(cue));
            }
            next = new int[trie.size() * classes];
            found = new long[trie.size()];
            int[] fail = new int[trie.size()];
            Deque<Integer> queue = new ArrayDeque<>();
            for (int cls = 0; cls < classes; cls++) {
                int child = trie.get(0)[cls];
                next[cls] = Math.max(child, 0);
                if (child > 0) queue.add(child);
            }
            found[0] = out.get(0);
            while (!queue.isEmpty()) {
                int state = queue.poll();
                found[state] = out.get(state) | found[fail[state]];
                for (int cls = 0; cls < classes; cls++) {
                    int child = trie.get(state)[cls];
                    if (child < 0) {
                        next[state * classes + cls] = next[fail[state] * classes + cls];
                    } else {
                        fail[child] = next[fail[state] * classes + cls];
                        next[state * classes + cls] = child;
                        queue.add(child);
                    }
                }
            }
            buildScanTables();
        }

        private int[] newRow() {
            int[] row = new int[classes];
            Arrays.fill(row, -1);
            return row;
        }

        /**
         * Scanning tables: a row per state, one column per cue character plus one for every other
         * character (back to the start), holding the next row's offset. Premultiplied offsets keep
         * the per-character work to one table load, which is what bounds the speed here.
         */
        private void buildScanTables() {
            int width = classes + 1;
            int states = found.length;
            rows = new int[states * width];
            foundAtRow = new long[states * width];
            for (int state = 0; state < states; state++) {
                for (int cls = 0; cls < classes; cls++) rows[state * width + cls] = next[state * classes + cls] * width;
                foundAtRow[state * width] = found[state];
            }
            Arrays.fill(lowerClass, classes);
            for (int c = 0; c < 128; c++) {
                int lower = c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
                if (charClass[lower] >= 0) lowerClass[c] = charClass[lower];
                plainClass[c] = c == 0x7F || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') ? NOT_PLAIN : lowerClass[c];
            }
        }

        private static final int NOT_PLAIN = -1;
        private final int[] lowerClass = new int[128];
        private final int[] plainClass = new int[128];
        private int[] rows;
        private long[] foundAtRow;

        // Over a copy in a char array: String.charAt's checks on every character of every string
        // of the server were a sixth of this loop's time.
        long scanPlainAscii(String text) {
            int n = text.length();
            char[] chars = CharText.scratch(text);
            long hits = 0;
            int row = 0;
            int[] plain = plainClass;
            int[] next = rows;
            long[] found = foundAtRow;
            for (int i = 0; i < n; i++) {
                char c = chars[i];
                int cls = c < 128 ? plain[c] : NOT_PLAIN;
                if (cls == NOT_PLAIN) return -1;
                row = next[row + cls];
                hits |= found[row];
            }
            return hits;
        }

        long scan(String text) {
            long hits = 0;
            int row = 0;
            int other = classes;
            for (int i = 0, n = text.length(); i < n; i++) {
                char c = text.charAt(i);
                row = rows[row + (c < 128 ? lowerClass[c] : other)];
                hits |= foundAtRow[row];
            }
            return hits;
        }
    }
}
