package dev.mcpworkbench.inspector.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpworkbench.inspector.payload.scan.SecretKind;
import dev.mcpworkbench.inspector.payload.scan.SecretScanner;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class PayloadParserTest {

    private final PayloadParser parser = PayloadParser.defaults();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String textResult(String text) {
        return "{\"content\":[{\"type\":\"text\",\"text\":" + JsonStrings.quote(text) + "}],\"isError\":false}";
    }

    @Test
    void toolResultBlocksAreReadInOrderWithJsonTextIndexed() throws Exception {
        String json = "{\"content\":[{\"type\":\"text\",\"text\":\"{\\\"rows\\\":[1,2,3]}\"},"
                + "{\"type\":\"resource_link\",\"uri\":\"file:///a\",\"name\":\"a\"},"
                + "{\"type\":\"text\",\"text\":\"plain words\"}],"
                + "\"structuredContent\":{\"rows\":[1,2]},\"isError\":true,\"_meta\":{\"x\":1}}";
        Payload p = parser.parse(utf8(json));
        assertThat(p.kind()).isEqualTo(Payload.Kind.TOOL_RESULT);
        assertThat(p.blocks()).extracting(ContentBlock::type).containsExactly(BlockType.TEXT, BlockType.RESOURCE_LINK, BlockType.TEXT);
        assertThat(p.blocks().get(0).json()).isNotNull();
        assertThat(p.blocks().get(2).text()).isEqualTo("plain words");
        assertThat(p.isError()).isTrue();
        assertThat(p.structuredContent()).isPositive();
        assertThat(p.meta()).isPositive();
        Payload.PayloadNode n = p.resolve("/content/0/text/rows/2").orElseThrow();
        assertThat(n.tree().rawText(n.node())).isEqualTo("3");
        assertThat(n.pointer()).isEqualTo("/content/0/text/rows/2");
        assertThat(p.summary()).contains("tokens").contains("25k");
    }

    @Test
    void aJsonTextThatMirrorsStructuredContentIsReadThereAndNotIndexedAgain() throws Exception {
        String json = "{\"content\":[{\"type\":\"text\",\"text\":\"{\\n  \\\"rows\\\": [1, 2, 3],\\n  \\\"api_key\\\": \\\"sk_live_4eC39HqLyjWDarjtT1zdp7dc\\\"\\n}\"}],"
                + "\"structuredContent\":{\"rows\":[1,2,3],\"api_key\":\"sk_live_4eC39HqLyjWDarjtT1zdp7dc\"}}";
        Payload p = parser.parse(utf8(json));
        ContentBlock text = p.blocks().get(0);

        assertThat(text.mirrorsStructuredContent()).isTrue();
        assertThat(text.json()).isNull();
        assertThat(text.detectedFormat()).isEqualTo("json");
        assertThat(text.title()).contains("structuredContent");
        assertThat(text.notes()).anyMatch(n -> n.contains("structuredContent serialized"));
        assertThat(p.secrets()).extracting(SensitiveHit::pointer).containsExactly("/structuredContent/api_key");
        Payload.PayloadNode n = p.resolve("/content/0/text/rows/2").orElseThrow();
        assertThat(n.pointer()).isEqualTo("/structuredContent/rows/2");
        assertThat(n.tree().rawText(n.node())).isEqualTo("3");

        Payload differs = parser.parse(utf8(json.replace("[1, 2, 3]", "[1, 2, 4]")));
        assertThat(differs.blocks().get(0).mirrorsStructuredContent()).isFalse();
        assertThat(differs.blocks().get(0).json()).isNotNull();
        assertThat(differs.secrets()).extracting(SensitiveHit::pointer)
                .containsExactlyInAnyOrder("/structuredContent/api_key", "/content/0/text/api_key");
    }

    @Test
    void eachBlockKnowsItsNodesWhichAreThoseItsPointersName() throws Exception {
        // the rules and the payload view read a block's body by its node: resolving /content/N/text
        // stepped over N blocks, and doing so for each of 100,000 blocks took about 20 s
        String png = Base64.getEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        String json = "{\"content\":[{\"type\":\"text\",\"text\":\"{\\\"a\\\":1}\"},"
                + "{\"type\":\"image\",\"mimeType\":\"image/png\",\"data\":\"" + png + "\"},"
                + "{\"type\":\"resource\",\"resource\":{\"uri\":\"file:///r\",\"text\":\"in a resource\"}},"
                + "{\"type\":\"resource_link\",\"uri\":\"file:///a\",\"name\":\"a\"},"
                + "{\"type\":\"text\",\"text\":\"plain words\"}]}";
        Payload p = parser.parse(utf8(json));
        JsonIndex m = p.message();

        assertThat(p.blocks()).hasSize(5);
        for (ContentBlock b : p.blocks()) {
            assertThat(m.pointer(b.node())).as("block " + b.index()).isEqualTo(b.pointer());
            assertThat(b.bodyNode() < 0 ? "" : m.pointer(b.bodyNode())).as("body of block " + b.index()).isEqualTo(b.bodyPointer());
        }
        assertThat(p.blocks()).extracting(ContentBlock::bodyPointer)
                .containsExactly("/content/0/text", "/content/1/data", "/content/2/resource/text", "", "/content/4/text");
    }

    @Test
    void smallBlocksOfAPayloadPastTheExactCountLimitAreEstimatedLikeTheRest() throws Exception {
        String line = "Line 1: le café coûte 3 €, the quick brown fox jumps over the lazy dog. ";
        StringBuilder json = new StringBuilder("{\"content\":[");
        for (int i = 0; i < 40; i++) json.append(i == 0 ? "" : ",").append("{\"type\":\"text\",\"text\":").append(JsonStrings.quote(line.repeat(3))).append('}');
        byte[] bytes = utf8(json.append("]}").toString());
        PayloadParser smallBudget = new PayloadParser(PayloadLimits.defaults().withExactTokenBytes(bytes.length - 1), SecretScanner.defaults());
        PayloadParser bigBudget = new PayloadParser(PayloadLimits.defaults().withExactTokenBytes(bytes.length), SecretScanner.defaults());

        Payload past = smallBudget.parse(bytes);
        Payload within = bigBudget.parse(bytes);

        // the budget is the payload's: each block was counted exactly however big the payload
        assertThat(past.tokensExact()).isFalse();
        assertThat(past.blocks()).allSatisfy(b -> assertThat(b.tokens()).isEqualTo(TokenCounter.estimate(line.repeat(3))));
        assertThat(within.tokensExact()).isTrue();
        assertThat(within.blocks()).allSatisfy(b -> assertThat(b.tokens()).isEqualTo(TokenCounter.exact(line.repeat(3))));
        assertThat(TokenCounter.estimate(line.repeat(3))).as("the two counts differ here").isNotEqualTo(TokenCounter.exact(line.repeat(3)));
    }

    @Test
    void resourceReadsAndPromptGetsBecomeBlocks() throws Exception {
        Payload read = parser.parse(utf8("{\"contents\":[{\"uri\":\"mem://x\",\"mimeType\":\"text/plain\",\"text\":\"hi\"},"
                + "{\"uri\":\"mem://y\",\"mimeType\":\"image/png\",\"blob\":\"" + png() + "\"}]}"));
        assertThat(read.kind()).isEqualTo(Payload.Kind.RESOURCE_READ);
        assertThat(read.blocks()).extracting(ContentBlock::uri).containsExactly("mem://x", "mem://y");
        assertThat(read.blocks().get(1).detectedFormat()).isEqualTo("png");
        assertThat(read.blocks().get(1).notes()).isEmpty();
        Payload prompt = parser.parse(utf8("{\"messages\":[{\"role\":\"user\",\"content\":{\"type\":\"text\",\"text\":\"hello\"}}]}"));
        assertThat(prompt.kind()).isEqualTo(Payload.Kind.PROMPT_GET);
        assertThat(prompt.blocks()).singleElement().extracting(ContentBlock::text).isEqualTo("hello");
    }

    @Test
    void escapedJsonTextIsUnescapedIncludingSurrogatePairs() throws Exception {
        String json = "{\"content\":[{\"type\":\"text\",\"text\":\"\\n {\\\"k\\\":\\\"caf\\u00e9 \\ud83d\\ude00\\\"}\"}]}";
        Payload p = parser.parse(utf8(json));
        JsonIndex inner = p.blocks().get(0).json();
        assertThat(inner).isNotNull();
        assertThat(inner.stringValue(inner.resolve("/k"))).isEqualTo("café 😀");
    }

    @Test
    void invalidJsonInsideATextBlockIsShownAsTextWithANote() throws Exception {
        Payload p = parser.parse(utf8(textResult("{\"unterminated\": [1, 2")));
        ContentBlock b = p.blocks().get(0);
        assertThat(b.json()).isNull();
        assertThat(b.text()).startsWith("{\"unterminated\"");
        assertThat(b.notes()).singleElement().asString().contains("not valid JSON");
    }

    @Test
    void tenThousandDeepNestingInsideATextBlockIsIndexed() throws Exception {
        String deep = "[".repeat(10_000) + "1" + "]".repeat(10_000);
        Payload p = parser.parse(utf8(textResult(deep)));
        assertThat(p.blocks().get(0).json().size()).isEqualTo(10_001);
        assertThat(p.blocks().get(0).notes()).isEmpty();
    }

    @Test
    void aFiftyMegabyteSingleStringIsMeasured() throws Exception {
        String big = "a".repeat(50 * 1024 * 1024);
        Payload p = parser.parse(utf8(textResult(big)));
        ContentBlock b = p.blocks().get(0);
        assertThat(b.bytes()).isGreaterThan(50L * 1024 * 1024);
        assertThat(p.tokensExact()).isFalse();
        assertThat(p.contentTokens()).isPositive();
    }

    @Test
    void aLongTextStaysInTheMessageAndIsStillMeasured() throws Exception {
        String line = "Zeile: café ☕ 3 € \u2014 \"quoted\"\n";
        String big = line.repeat(2 * 1024 * 1024 / line.length() + 1);
        Payload p = parser.parse(utf8(textResult(big)));
        ContentBlock b = p.blocks().get(0);
        assertThat(b.detectedFormat()).isEqualTo("text");
        assertThat(b.text()).isNull(); // not decoded into the payload: the message holds it
        assertThat(b.bytes()).isGreaterThanOrEqualTo(big.getBytes(StandardCharsets.UTF_8).length); // as sent, escapes included
        int decodedEstimate = TokenCounter.estimate(big);
        assertThat(b.tokens()).isBetween((long) (decodedEstimate * 0.9), (long) (decodedEstimate * 1.1));
        assertThat(p.message().resolve(b.bodyPointer())).isNotNegative();
    }

    @Test
    void aLongBinaryTextIsFlaggedFromItsHead() throws Exception {
        StringBuilder junk = new StringBuilder();
        while (junk.length() < 2 * 1024 * 1024) junk.append((char) (junk.length() % 32));
        ContentBlock b = parser.parse(utf8(textResult(junk.toString()))).blocks().get(0);
        assertThat(b.detectedFormat()).isEqualTo("binary");
        assertThat(b.text()).isNull();
        assertThat(b.notes()).singleElement().asString().contains("binary");
    }

    @Test
    void jsonWhoseIndexWouldNotFitIsShownAsTextOrRawBytesWithANote() throws Exception {
        StringBuilder zeros = new StringBuilder("[0");
        while (zeros.length() < 400_000) zeros.append(",0");
        String dense = zeros.append(']').toString(); // 200,000 values in 400 KB: 1.2 MB of index (6.1 bytes a value, tokens exact)
        PayloadParser capped = new PayloadParser(PayloadLimits.defaults().withMaxIndexBytes(1024 * 1024), SecretScanner.defaults());
        ContentBlock b = capped.parse(utf8(textResult(dense))).blocks().get(0);
        assertThat(b.json()).isNull();
        assertThat(b.detectedFormat()).isEqualTo("text");
        assertThat(b.notes()).singleElement().asString()
                .startsWith("The text is JSON, but its 200,001 values would take 1.2 MB to index, more than the 1.0 MB allowed");
        assertThat(parser.parse(utf8(textResult(dense))).blocks().get(0).json()).isNotNull(); // the default allows it

        Payload message = new PayloadParser(PayloadLimits.defaults().withMaxIndexBytes(64), SecretScanner.defaults())
                .parse(utf8(textResult("a few words")));
        assertThat(message.parsed()).isFalse();
        assertThat(message.notes()).singleElement().asString().startsWith("The message is not indexed: its 6 values");
    }

    @Test
    void invalidUtf8IsRepairedWithANote() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8("{\"content\":[{\"type\":\"text\",\"text\":\"bad "));
        out.write(0xC3);
        out.write(0x28);
        out.writeBytes(utf8(" byte\"}]}"));
        Payload p = parser.parse(out.toByteArray());
        assertThat(p.parsed()).isTrue();
        assertThat(p.notes()).singleElement().asString().contains("Invalid UTF-8");
        assertThat(p.blocks().get(0).text()).contains("\uFFFD");
    }

    @Test
    void binaryClaimingToBeTextIsFlagged() throws Exception {
        StringBuilder junk = new StringBuilder();
        for (int i = 0; i < 2000; i++) junk.append((char) (i % 32));
        Payload p = parser.parse(utf8(textResult(junk.toString())));
        ContentBlock b = p.blocks().get(0);
        assertThat(b.detectedFormat()).isEqualTo("binary");
        assertThat(b.notes()).singleElement().asString().contains("binary");
    }

    @Test
    void anImageThatIsNotAnImageIsFlagged() throws Exception {
        String notImage = Base64.getEncoder().encodeToString(utf8("this is just text pretending"));
        Payload p = parser.parse(utf8("{\"content\":[{\"type\":\"image\",\"mimeType\":\"image/png\",\"data\":\"" + notImage + "\"},"
                + "{\"type\":\"image\",\"mimeType\":\"image/png\",\"data\":\"%%%not base64\"}]}"));
        assertThat(p.blocks().get(0).notes()).singleElement().asString().contains("not a known image format");
        assertThat(p.blocks().get(1).notes()).singleElement().asString().contains("not valid base64");
    }

    @Test
    void aMessageThatIsNotJsonIsKeptAsRawBytes() throws Exception {
        Payload p = parser.parse(utf8("<html>502 Bad Gateway</html>"));
        assertThat(p.parsed()).isFalse();
        assertThat(p.notes()).singleElement().asString().contains("not valid JSON");
        assertThat(new String(p.rawPreview(), StandardCharsets.UTF_8)).contains("Bad Gateway");
    }

    @Test
    void oversizedMessagesAreRefusedBeforeParsing() {
        PayloadParser small = new PayloadParser(PayloadLimits.defaults().withMaxMessageBytes(1024), SecretScanner.defaults());
        assertThatThrownBy(() -> small.parse(new byte[2048]))
                .isInstanceOf(PayloadTooLargeException.class)
                .hasMessageContaining("exceeds the maximum message size of 1.0 KB");
    }

    @Test
    void secretsAreFoundInJsonTextAndPlainTextAndKeptMasked() throws Exception {
        String key = "AKIA" + "Q7RZ3M5X2K9W4T6B";
        String env = "{\"HOME\":\"/root\",\"AWS_ACCESS_KEY_ID\":\"" + key + "\",\"DB_PASSWORD\":\"x9$Lq2!vR7#pZ4@wK8mN\"}";
        String json = "{\"content\":[{\"type\":\"text\",\"text\":" + JsonStrings.quote(env) + "},"
                + "{\"type\":\"text\",\"text\":\"token ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8" + " leaked\"}],"
                + "\"structuredContent\":{\"note\":\"key=" + key + "\"}}";
        Payload p = parser.parse(utf8(json));
        assertThat(p.secrets()).extracting(SensitiveHit::kind).contains(SecretKind.AWS_ACCESS_KEY_ID, SecretKind.GITHUB_TOKEN, SecretKind.GENERIC_SECRET);
        assertThat(p.secrets()).extracting(SensitiveHit::pointer)
                .contains("/content/0/text/AWS_ACCESS_KEY_ID", "/content/0/text/DB_PASSWORD", "/content/1/text", "/structuredContent/note");
        assertThat(p.secrets()).extracting(SensitiveHit::masked).contains("AKIA****************").noneMatch(m -> m.contains(key));
    }

    /**
     * A JSON text block of more than 1 MB is indexed where it lies in the message, escaped: the
     * payload answers as for a small one (pointers into the text, secrets found and named by their
     * member, the largest list) without an unescaped copy of the text.
     */
    @Test
    void aLongJsonTextIsIndexedInPlaceAndAnswersAsAShortOne() throws Exception {
        String key = "AKIA" + "Q7RZ3M5X2K9W4T6B";
        StringBuilder rows = new StringBuilder("[");
        for (int i = 0; i < 30_000; i++) {
            if (i > 0) rows.append(',');
            rows.append("{\"id\":").append(i).append(",\"name\":\"row \\\"").append(i).append("\\\" é\"}");
        }
        rows.append(",{\"AWS_ACCESS_KEY_ID\":\"").append(key).append("\",\"DB_PASSWORD\":\"x9$Lq2!vR7#pZ4@wK8mN\"}]");
        Payload p = parser.parse(utf8(textResult(rows.toString())));
        ContentBlock block = p.blocks().get(0);
        assertThat(block.bytes()).isGreaterThan(BlockAnalyzer.SMALL_TEXT_BYTES);
        assertThat(block.json()).isNotNull();
        assertThat(block.json().embedded()).isTrue();
        Payload.PayloadNode name = p.resolve("/content/0/text/29999/name").orElseThrow();
        assertThat(name.tree().stringValue(name.node())).isEqualTo("row \"29999\" é");
        assertThat(name.pointer()).isEqualTo("/content/0/text/29999/name");
        assertThat(p.secrets()).extracting(SensitiveHit::pointer)
                .contains("/content/0/text/30000/AWS_ACCESS_KEY_ID", "/content/0/text/30000/DB_PASSWORD");
        assertThat(FieldWeights.largestList(p).orElseThrow().pointer()).isEqualTo("/content/0/text");
        assertThat(block.json().childCount(0)).isEqualTo(30_001);
    }

    /** Short texts stay in the message's bytes, however many there are, and are decoded when asked for. */
    @Test
    void shortTextsStayInTheBytesAndAreDecodedWhenAskedFor() throws Exception {
        String text = "caf\u00e9 row \u2014 ".repeat(100);
        int blocks = 9_000;
        StringBuilder json = new StringBuilder("{\"content\":[");
        for (int i = 0; i < blocks; i++) json.append(i == 0 ? "" : ",").append("{\"type\":\"text\",\"text\":").append(JsonStrings.quote(text)).append('}');
        json.append("]}");
        Payload p = new PayloadParser(PayloadLimits.defaults().withExactTokenBytes(0), SecretScanner.defaults()).parse(utf8(json.toString()));
        ContentBlock first = p.blocks().get(0);
        ContentBlock last = p.blocks().get(blocks - 1);
        assertThat(first.text()).isEqualTo(text);
        assertThat(last.text()).isEqualTo(text).isNotSameAs(first.text());
        assertThat(last.detectedFormat()).isEqualTo("text");
        assertThat(last.tokens()).isEqualTo(first.tokens()).isPositive();
    }

    private static String png() {
        byte[] b = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        return Base64.getEncoder().encodeToString(b);
    }
}
