package dev.mcpworkbench.inspector.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Events are read as the bytes the server sent, field by field as the standard says. */
class SseEventReaderTest {

    private static SseEventReader reader(byte[] stream) {
        return new SseEventReader(new ByteArrayInputStream(stream), 8L * 1024 * 1024);
    }

    private static SseEventReader reader(String stream) {
        return reader(stream.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void fieldsCommentsAndLineEndings() throws Exception {
        SseEventReader events = reader(": keep-alive\r\nevent: endpoint\r\nid: 7\r\nretry: 1500\r\ndata: /messages?s=1\r\n\r\n"
                + "data\ndata: second\ndata:third\n\nunknown-field-with-a-long-name: x\ndata: é\n\n");
        SseEventReader.Event first = events.next();
        assertThat(first.type()).isEqualTo("endpoint");
        assertThat(first.data()).isEqualTo("/messages?s=1");
        assertThat(first.id()).isEqualTo("7");
        assertThat(events.retryMillis()).isEqualTo(1500);
        SseEventReader.Event second = events.next();
        assertThat(second.type()).isEqualTo("message");
        assertThat(second.data()).isEqualTo("\nsecond\nthird");
        assertThat(second.id()).isEqualTo("7");
        assertThat(events.next().data()).isEqualTo("é");
        assertThat(events.next()).isNull();
    }

    @Test
    void aDataLineOfManyPiecesIsItsBytesExactly() throws Exception {
        // 3 MB: the line is read in many pieces; the event holds exactly the bytes after "data: ",
        // including bytes that are not UTF-8 (an inspector shows what was sent, not a repaired copy)
        byte[] payload = new byte[3 * 1024 * 1024 + 17];
        for (int i = 0; i < payload.length; i++) payload[i] = (byte) ('a' + i % 26);
        payload[1234] = (byte) 0xFF;
        payload[payload.length - 1] = (byte) 0xC3;
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes("data: ".getBytes(StandardCharsets.US_ASCII));
        stream.writeBytes(payload);
        stream.writeBytes("\n\n".getBytes(StandardCharsets.US_ASCII));
        SseEventReader.Event event = reader(stream.toByteArray()).next();
        assertThat(event.bytes()).isEqualTo(payload);
        assertThat(event.isBlank()).isFalse();
    }

    @Test
    void whitespaceOnlyDataIsBlank() throws Exception {
        SseEventReader events = reader("data:  \t\n\ndata: {}\n\n");
        assertThat(events.next().isBlank()).isTrue();
        assertThat(events.next().isBlank()).isFalse();
    }

    @Test
    void manyDataLinesJoinWithLineFeeds() throws Exception {
        // 40,000 lines of one event (pretty-printed JSON sent line by line), then bare "data" lines
        StringBuilder stream = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 40_000; i++) {
            stream.append("data: line ").append(i).append('\n');
            expected.append(i == 0 ? "" : "\n").append("line ").append(i);
        }
        stream.append("\ndata\ndata\ndata: x\n\n");
        SseEventReader events = reader(stream.toString());
        assertThat(events.next().data()).isEqualTo(expected.toString());
        assertThat(events.next().data()).isEqualTo("\n\nx");
    }

    @Test
    void aByteOrderMarkOpeningTheStreamIsIgnored() throws Exception {
        // the standard: one U+FEFF at the start of the stream is not part of the first field's name
        SseEventReader events = reader("\uFEFFevent: endpoint\ndata: /messages\n\ndata: \uFEFFkept\n\n");
        SseEventReader.Event first = events.next();
        assertThat(first.type()).isEqualTo("endpoint");
        assertThat(first.data()).isEqualTo("/messages");
        assertThat(events.next().data()).isEqualTo("\uFEFFkept");
        // a resumed stream is a stream of its own
        events.follow(new ByteArrayInputStream("\uFEFFdata: again\n\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(events.next().data()).isEqualTo("again");
    }
}
