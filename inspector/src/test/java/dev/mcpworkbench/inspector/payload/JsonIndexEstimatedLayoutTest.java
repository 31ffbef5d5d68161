package dev.mcpworkbench.inspector.payload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * An index of a document too big for exact tokens keeps no length and no token count per scalar:
 * it scans a scalar's literal again, and estimates its tokens again, when asked. Every answer must
 * be the one the index gave when it stored them. Here the expected answers come from the generator
 * that wrote each document (where each value's literal lies, its pointer) and from the estimate
 * the builder applies ({@link TokenCounter#estimate}: a string's content as sent, a member name
 * decoded, containers the sum of theirs plus two), never from the index. Documents are small, but
 * the limits make them estimated; strings of a kilobyte or more take the kept-aside path, names
 * spelled with escapes or in non-ASCII take the decoded one. Each document is read plain and
 * embedded in a string literal (escaped, some characters as u-escapes).
 */
class JsonIndexEstimatedLayoutTest {

    private static final PayloadLimits ESTIMATED = PayloadLimits.defaults().withExactTokenBytes(0);

    private static final String[] NAMES = {"id", "name", "status", "score", "naïve", "中文", "😀", "a\"b", "x/y", "t~1", "a\u2003b",
            "e\u0301", "", "Σ", "long_identifier_name_here"};
    private static final String[] PIECES = {"a", "Hello world", "42", " ", "  ", "é", "中", "😀", "\u0301", "\u2003", "\"", "\\", "/",
            "\n", "\t", "~", "\u0001", "item 7", ":{}[],", "true"};
    private static final String[] NUMBERS = {"0", "-12", "3.14", "1e10", "-0.5E-3", "12345678901234567890", "7"};
    private static final String[] SPACES = {"", "", "", " ", "\n  ", "\t"};

    /** One value as written: where its literal lies, its parent, its member name's tokens, and a string's content. */
    private static final class Written {
        int start;
        int end;
        int parent;
        String pointer;
        NodeType type;
        int keyTokens;
        int contentFrom;
        int contentTo;
    }

    /** Writes a random document, UTF-8, recording every value in document order. */
    private static final class Generator {
        final Random r;
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final List<Written> values = new ArrayList<>();
        final int longStrings;

        Generator(Random r, int longStrings) {
            this.r = r;
            this.longStrings = longStrings;
        }

        void write(String s) {
            out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        }

        void space() {
            write(SPACES[r.nextInt(SPACES.length)]);
        }

        /** A string literal with its content escaped where JSON must and, now and then, where it may. */
        int[] literal(String s) {
            write("\"");
            int from = out.size();
            s.codePoints().forEach(cp -> {
                if (r.nextInt(10) == 0) {
                    for (char c : Character.toChars(cp)) write(String.format(r.nextBoolean() ? "\\u%04x" : "\\u%04X", (int) c));
                } else if (cp == '"') {
                    write("\\\"");
                } else if (cp == '\\') {
                    write("\\\\");
                } else if (cp == '/' && r.nextBoolean()) {
                    write("\\/");
                } else if (cp == '\n') {
                    write("\\n");
                } else if (cp == '\t') {
                    write("\\t");
                } else if (cp < 0x20) {
                    write(String.format("\\u%04x", cp));
                } else {
                    write(new String(Character.toChars(cp)));
                }
            });
            int to = out.size();
            write("\"");
            return new int[] {from, to};
        }

        String text() {
            StringBuilder b = new StringBuilder();
            int n = r.nextInt(100) < longStrings ? 1024 + r.nextInt(2500) : r.nextInt(8);
            while (b.length() < n) b.append(PIECES[r.nextInt(PIECES.length)]);
            return b.toString();
        }

        void value(int depth, int parent, String pointer, int keyTokens) {
            Written w = new Written();
            int self = values.size();
            values.add(w);
            w.parent = parent;
            w.pointer = pointer;
            w.keyTokens = keyTokens;
            w.start = out.size();
            int kind = r.nextInt(depth >= 5 ? 5 : 8);
            switch (kind) {
                case 0 -> {
                    w.type = NodeType.STRING;
                    int[] content = literal(text());
                    w.contentFrom = content[0];
                    w.contentTo = content[1];
                }
                case 1 -> {
                    w.type = NodeType.NUMBER;
                    write(NUMBERS[r.nextInt(NUMBERS.length)]);
                }
                case 2 -> {
                    w.type = NodeType.BOOLEAN;
                    write(r.nextBoolean() ? "true" : "false");
                }
                case 3 -> {
                    w.type = NodeType.NULL;
                    write("null");
                }
                case 4 -> {
                    w.type = NodeType.STRING;
                    int[] content = literal(text());
                    w.contentFrom = content[0];
                    w.contentTo = content[1];
                }
                case 5, 6 -> {
                    w.type = NodeType.OBJECT;
                    write("{");
                    int n = r.nextInt(6);
                    for (int i = 0; i < n; i++) {
                        if (i > 0) write(",");
                        space();
                        String name = NAMES[r.nextInt(NAMES.length)] + (r.nextInt(4) == 0 ? i : "");
                        literal(name);
                        space();
                        write(":");
                        space();
                        value(depth + 1, self, pointer + "/" + name.replace("~", "~0").replace("/", "~1"), keyTokens(name));
                    }
                    space();
                    write("}");
                }
                default -> {
                    w.type = NodeType.ARRAY;
                    write("[");
                    int n = r.nextInt(7);
                    for (int i = 0; i < n; i++) {
                        if (i > 0) write(",");
                        space();
                        value(depth + 1, self, pointer + "/" + i, 0);
                    }
                    space();
                    write("]");
                }
            }
            w.end = out.size();
        }
    }

    /**
     * The document escaped into a string literal (quotes included), some characters as u-escapes,
     * and where each byte of the document lands in it ({@code at[i]}, past the opening quote).
     */
    private record Escaped(byte[] data, int[] at) {

        static Escaped of(byte[] doc, Random r) {
            String text = new String(doc, StandardCharsets.UTF_8);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int[] at = new int[doc.length + 1];
            out.write('"');
            int pos = 0;
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                at[pos] = out.size();
                String sent;
                if (r.nextInt(8) == 0) {
                    StringBuilder u = new StringBuilder();
                    for (char c : Character.toChars(cp)) u.append(String.format("\\u%04x", (int) c));
                    sent = u.toString();
                } else {
                    sent = switch (cp) {
                        case '"' -> "\\\"";
                        case '\\' -> "\\\\";
                        case '\n' -> "\\n";
                        case '\t' -> "\\t";
                        default -> new String(Character.toChars(cp));
                    };
                }
                out.writeBytes(sent.getBytes(StandardCharsets.UTF_8));
                pos += new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
                i += Character.charCount(cp);
            }
            at[pos] = out.size();
            out.write('"');
            return new Escaped(out.toByteArray(), at);
        }

        /** Where document byte {@code i} is, counted from the literal's content. */
        int offset(int i) {
            return at[i] - 1;
        }
    }

    /** A member name's tokens as the builder counted them: the decoded name's estimate, plus one. */
    private static int keyTokens(String name) {
        return 1 + TokenCounter.estimate(name);
    }

    /** The tokens the builder stored per value: a scalar's estimated from its content as sent, a container's the sum plus two. */
    private static long[] expectedTokens(List<Written> values, byte[] sent, java.util.function.IntUnaryOperator where) {
        long[] tokens = new long[values.size()];
        for (int i = values.size() - 1; i >= 0; i--) {
            Written w = values.get(i);
            tokens[i] += w.keyTokens + switch (w.type) {
                case OBJECT, ARRAY -> 2;
                case STRING -> 1 + TokenCounter.estimate(sent, where.applyAsInt(w.contentFrom), where.applyAsInt(w.contentTo));
                default -> 1;
            };
            if (w.parent >= 0) tokens[w.parent] += tokens[i];
        }
        return tokens;
    }

    private static List<String> differences(JsonIndex ix, List<Written> values, byte[] doc, long[] tokens,
                                            java.util.function.IntUnaryOperator where) {
        List<String> out = new ArrayList<>();
        if (ix.tokensExact()) out.add("tokens are exact: the estimated layout is not tested");
        if (ix.size() != values.size()) out.add(ix.size() + " nodes, written " + values.size());
        for (int n = 0; n < Math.min(ix.size(), values.size()); n++) {
            Written w = values.get(n);
            String at = "node " + n + " " + w.pointer + " (" + w.type + ")";
            long bytes = where.applyAsInt(w.end) - where.applyAsInt(w.start);
            String raw = new String(doc, w.start, w.end - w.start, StandardCharsets.UTF_8);
            if (ix.type(n) != w.type) out.add(at + " type " + ix.type(n));
            if (ix.tokens(n) != tokens[n]) out.add(at + " tokens " + ix.tokens(n) + ", stored " + tokens[n]);
            if (ix.bytes(n) != bytes) out.add(at + " bytes " + ix.bytes(n) + ", written " + bytes);
            if (ix.startOffset(n) != where.applyAsInt(w.start)) out.add(at + " start " + ix.startOffset(n));
            if (!ix.rawText(n).equals(raw)) out.add(at + " rawText " + ix.rawText(n));
            if (!ix.pointer(n).equals(w.pointer)) out.add(at + " pointer " + ix.pointer(n));
        }
        // a list's fields (which weigh each member in one scan, its name's tokens once per spelling)
        // add up to what its members answer one by one
        for (int n = 0; n < ix.size(); n++) {
            if (ix.type(n) != NodeType.ARRAY) continue;
            long memberBytes = 0;
            long memberTokens = 0;
            for (int d = n + 1; d < ix.skip(n); d++) {
                if (ix.parent(d) == n) continue;
                memberBytes += ix.bytes(d);
                memberTokens += ix.tokens(d);
            }
            List<FieldWeights.Field> fields = FieldWeights.of(ix, n).fields();
            long fieldBytes = fields.stream().mapToLong(FieldWeights.Field::bytes).sum();
            long fieldTokens = fields.stream().mapToLong(FieldWeights.Field::tokens).sum();
            if (fieldBytes != memberBytes || fieldTokens != memberTokens) {
                out.add("node " + n + " fields weigh " + fieldBytes + " bytes, " + fieldTokens + " tokens; members " + memberBytes + ", " + memberTokens);
            }
        }
        // the treemap's order: by size as written, biggest first, equal sizes in document order
        java.util.Map<Integer, List<Integer>> children = new java.util.HashMap<>();
        for (int n = 1; n < values.size(); n++) children.computeIfAbsent(values.get(n).parent, p -> new ArrayList<>()).add(n);
        children.forEach((parent, kids) -> {
            List<Integer> expected = kids.stream()
                    .sorted(java.util.Comparator.comparingInt((Integer k) -> where.applyAsInt(values.get(k).end) - where.applyAsInt(values.get(k).start)).reversed())
                    .limit(5).toList();
            if (parent < ix.size() && !ix.biggestChildren(parent, 5).equals(expected)) {
                out.add("node " + parent + " biggest children " + ix.biggestChildren(parent, 5) + ", written " + expected);
            }
        });
        return out;
    }

    private static int compared;

    private static void check(Generator g, Random r) throws Exception {
        byte[] doc = g.out.toByteArray();
        List<String> found = new ArrayList<>();
        JsonIndex plain = JsonIndexBuilder.build(doc, 0, doc.length, ESTIMATED, StringVisitor.NONE);
        found.addAll(differences(plain, g.values, doc, expectedTokens(g.values, doc, i -> i), i -> i));
        Escaped e = Escaped.of(doc, r);
        JsonIndex embedded = JsonIndex.ofEmbedded(e.data(), 0, e.data().length, ESTIMATED);
        found.addAll(differences(embedded, g.values, doc, expectedTokens(g.values, e.data(), i -> e.at()[i]), e::offset)
                .stream().map(d -> "embedded: " + d).toList());
        String head = new String(doc, 0, Math.min(doc.length, 400), StandardCharsets.UTF_8);
        assertThat(found.subList(0, Math.min(found.size(), 12))).as("%d differences in %s", found.size(), head).isEmpty();
        compared += g.values.size();
    }

    @Test
    void everyValueAnswersAsWhenItsLengthAndTokensWereStored() throws Exception {
        Random r = new Random(22);
        for (int d = 0; d < 600; d++) {
            Generator g = new Generator(r, d % 3 == 0 ? 5 : 0);
            g.value(0, -1, "", 0);
            check(g, r);
        }
        assertThat(compared).isGreaterThan(10_000);
    }

    @Test
    void containersWithTokensAndLengthsTooBigForTwoBytesAndScalarsTooLongForThem() throws Exception {
        Random r = new Random(5);
        Generator g = new Generator(r, 0);
        g.write("{\"long\":\"");
        Written root = new Written();
        // written by hand: a root object, a 70,000-character string, a list whose tokens pass 65,535
        g.values.add(root);
        root.parent = -1;
        root.pointer = "";
        root.type = NodeType.OBJECT;
        Written text = new Written();
        g.values.add(text);
        text.parent = 0;
        text.pointer = "/long";
        text.type = NodeType.STRING;
        text.keyTokens = keyTokens("long");
        text.start = "{\"long\":".length();
        text.contentFrom = g.out.size();
        g.write("word ".repeat(14_000));
        text.contentTo = g.out.size();
        g.write("\"");
        text.end = g.out.size();
        g.write(",\"many\":");
        Written list = new Written();
        g.values.add(list);
        list.parent = 0;
        list.pointer = "/many";
        list.type = NodeType.ARRAY;
        list.keyTokens = keyTokens("many");
        list.start = g.out.size();
        g.write("[");
        for (int i = 0; i < 40_000; i++) {
            if (i > 0) g.write(",");
            g.value(5, 2, "/many/" + i, 0);
        }
        g.write("]");
        list.end = g.out.size();
        g.write("}");
        root.end = g.out.size();
        check(g, r);
    }
}
