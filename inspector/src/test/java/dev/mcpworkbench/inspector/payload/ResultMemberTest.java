package dev.mcpworkbench.inspector.payload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The result read in place from the message it came in, against the same result on its own. */
class ResultMemberTest {

    // a secret-sounding member, a JSON text block, braces and quotes inside strings, non-ASCII text
    private static final String RESULT = "{\"content\":[{\"type\":\"text\",\"text\":\"{\\\"rows\\\":[{\\\"id\\\":1,\\\"note\\\":\\\"}{\\\"}]}\"},"
            + "{\"type\":\"text\",\"text\":\"plain \\\"words\\\" ünïcødé }\"}],"
            + "\"structuredContent\":{\"api_key\":\"sk-live-0123456789abcdefghij\",\"rows\":[1,2,3]},\"isError\":false}";

    private static byte[] message(String before, String after) {
        return ("{\"jsonrpc\":\"2.0\",\"id\":7," + before + "\"result\" : " + RESULT + after + "}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void findsTheResultMembersBytesWhereverItStands() {
        for (byte[] m : List.of(message("", ""), message("\"x\":{\"result\":[1]}, ", ",\"z\":\"}\""))) {
            ResultMember.Slice s = ResultMember.of(m).orElseThrow();
            assertThat(s.bytes()).isSameAs(m);
            assertThat(new String(m, s.offset(), s.length(), StandardCharsets.UTF_8)).isEqualTo(RESULT);
        }
    }

    @Test
    void nothingWhenThereIsNoResultObject() {
        assertThat(ResultMember.of("{\"id\":1,\"error\":{\"code\":1}}".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(ResultMember.of("[{\"id\":1,\"result\":{}}]".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(ResultMember.of("{\"id\":1,\"result\":{".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(ResultMember.of(null)).isEmpty();
    }

    @Test
    void theSliceParsesAsTheResultOnItsOwn() throws Exception {
        byte[] m = message("\"before\":[\"padding\"],", "");
        ResultMember.Slice s = ResultMember.of(m).orElseThrow();
        Payload inPlace = PayloadParser.defaults().parse(s.bytes(), s.offset(), s.length());
        Payload alone = PayloadParser.defaults().parse(RESULT.getBytes(StandardCharsets.UTF_8));
        assertThat(describe(inPlace)).isEqualTo(describe(alone));
        assertThat(inPlace.secrets()).isNotEmpty().isEqualTo(alone.secrets());
        assertThat(inPlace.message().rawBytes()).isSameAs(m);
    }

    /** Everything the viewer and the rules read: per node its pointer, type, sizes, tokens, text. */
    private static List<String> describe(Payload p) {
        List<String> out = new ArrayList<>();
        out.add(p.kind() + " " + p.totalBytes() + " " + p.contentTokens() + " " + p.isError() + " " + p.notes());
        describe(p.message(), out);
        for (ContentBlock b : p.blocks()) {
            out.add(b.title() + " " + b.bytes() + " " + b.tokens() + " " + b.text());
            if (b.json() != null) describe(b.json(), out);
        }
        return out;
    }

    private static void describe(JsonIndex t, List<String> out) {
        for (int n = 0; n < t.size(); n++) {
            out.add(t.pointer(n) + " " + t.type(n) + " " + t.key(n) + " " + t.bytes(n) + " " + t.tokens(n) + " "
                    + t.startOffset(n) + "-" + t.endOffset(n) + " " + t.rawText(n)
                    + (t.type(n) == NodeType.STRING ? " " + t.stringValue(n) + " " + t.preview(n, 20) : ""));
        }
        out.add(t.flaggedKeys().toString() + " " + t.latin1View().length() + " " + t.nodeAt(5) + " " + t.search("rows", 0, true));
    }
}
