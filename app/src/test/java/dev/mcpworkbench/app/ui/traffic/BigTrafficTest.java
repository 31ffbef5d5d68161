package dev.mcpworkbench.app.ui.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.app.ui.common.Fx;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableColumn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A big message in the traffic view costs what a small one costs on the FX thread: the preview is
 * masked and cut from the message's head only, the detail is a bounded head, and filtering makes no
 * lower-cased copy. What the user reads must still be right: secrets masked, matches found anywhere.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BigTrafficTest {

    private static final String TOKEN = "Bearer s3cr3tT0kenValue123456";

    @BeforeAll
    static void toolkit() throws Exception {
        Fx.init();
    }

    private static String bigText() {
        StringBuilder text = new StringBuilder("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{\"note\":\"" + TOKEN + "\",\"rows\":\"");
        while (text.length() < 5_000_000) text.append("row ");
        return text.append("Needle-At-The-End\"}}").toString();
    }

    private static TrafficRow bigRow() {
        return row(1, bigText());
    }

    private static TrafficRow row(long seq, String text) {
        return new TrafficRow(seq, Instant.now(), false, "response", "", "7", text.length(), null, dev.mcpworkbench.inspector.traffic.RawMessage.of(text), "");
    }

    @SuppressWarnings("unchecked")
    private static TableColumn<TrafficRow, String> previewColumn(TrafficView view) {
        return (TableColumn<TrafficRow, String>) view.table().getColumns().get(6);
    }

    @Test
    void thePreviewOfABigMessageIsItsMaskedHead() throws Exception {
        TrafficRow row = bigRow();
        String preview = Fx.call(() -> {
            TrafficView view = new TrafficView();
            view.add(List.of(row));
            @SuppressWarnings("unchecked")
            TableColumn<TrafficRow, String> column = (TableColumn<TrafficRow, String>) view.table().getColumns().get(6);
            return column.getCellObservableValue(0).getValue();
        });
        assertThat(preview).hasSizeLessThanOrEqualTo(TrafficView.PREVIEW_CHARS + 1).startsWith("{\"jsonrpc\"")
                .doesNotContain("s3cr3tT0kenValue123456").endsWith("…");
    }

    @Test
    void aRowsPreviewIsMaskedOnceAndAgainWhenSecretsAreRevealed() throws Exception {
        TrafficRow row = bigRow();
        TrafficView view = Fx.call(() -> {
            TrafficView v = new TrafficView();
            v.add(List.of(row));
            return v;
        });
        @SuppressWarnings("unchecked")
        TableColumn<TrafficRow, String> column = (TableColumn<TrafficRow, String>) view.table().getColumns().get(6);
        String first = Fx.call(() -> column.getCellObservableValue(0).getValue());
        // a later layout pass gets the preview made the first time, not a masking of the head again
        assertThat(Fx.call(() -> column.getCellObservableValue(0).getValue())).isSameAs(first).doesNotContain("s3cr3tT0kenValue123456");
        Fx.run(() -> ((javafx.scene.control.ToggleButton) view.lookup("#revealSecrets")).setSelected(true));
        assertThat(Fx.call(() -> column.getCellObservableValue(0).getValue())).contains("s3cr3tT0kenValue123456");
        Fx.run(() -> ((javafx.scene.control.ToggleButton) view.lookup("#revealSecrets")).setSelected(false));
        assertThat(Fx.call(() -> column.getCellObservableValue(0).getValue())).isNotSameAs(first).isEqualTo(first);
    }

    /**
     * Past the view's byte limit the oldest rows let go of their bodies in place: whoever still
     * holds such a row (a hidden table's cell, which keeps its row until the table is laid out
     * again; the preview cache) no longer keeps its message alive.
     */
    @Test
    void aRowThatLetGoOfItsBodyNoLongerHoldsItsMessage() throws Exception {
        String text = bigText();
        TrafficView view = Fx.call(TrafficView::new);
        TrafficRow first = row(1, text);
        java.lang.ref.WeakReference<Object> body = new java.lang.ref.WeakReference<>(first.raw());
        String before = Fx.call(() -> {
            view.add(List.of(first));
            return previewColumn(view).getCellObservableValue(0).getValue();
        });
        for (long seq = 2; seq * text.length() <= TrafficView.MAX_BYTES + text.length(); seq++) {
            TrafficRow next = row(seq, text);
            Fx.run(() -> view.add(List.of(next)));
        }
        assertThat(Fx.call(() -> view.table().getItems().get(0))).isSameAs(first);
        assertThat(first.sizeBytes()).isEqualTo(text.length());
        assertThat(first.text()).startsWith("(" + text.length() + " bytes: the body was let go");
        assertThat(Fx.call(() -> previewColumn(view).getCellObservableValue(0).getValue())).isNotEqualTo(before).contains("the body was let go");
        for (int i = 0; i < 50 && body.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(body.get()).as("the first row's message, the row still held").isNull();
    }

    @Test
    void theFilterFindsTextAnywhereWhateverItsCase() {
        TrafficRow row = bigRow();
        assertThat(row.matches("Both directions", "All methods", "needle-at-the-END")).isTrue();
        assertThat(row.matches("Both directions", "All methods", "not there")).isFalse();
    }

    @Test
    void typingInTheFilterSearchesInTheBackgroundAfterAPause() throws Exception {
        TrafficRow big = bigRow();
        TrafficRow small = new TrafficRow(2, Instant.now(), true, "request", "tools/list", "8", 40, null,
                dev.mcpworkbench.inspector.traffic.RawMessage.of("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/list\"}"), "");
        TrafficView view = Fx.call(() -> {
            TrafficView v = new TrafficView();
            v.add(List.of(big, small));
            return v;
        });
        javafx.scene.control.TextField filter = (javafx.scene.control.TextField) view.lookup("#trafficFilter");
        // a keystroke changes nothing by itself: the rows are read later, off the FX thread
        int rightAfter = Fx.call(() -> {
            filter.setText("needle-at-the-END");
            return view.table().getItems().size();
        });
        assertThat(rightAfter).isEqualTo(2);
        org.testfx.util.WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Fx.call(() -> view.table().getItems().size() == 1));
        assertThat(Fx.call(() -> view.table().getItems().get(0))).isSameAs(big);

        Fx.run(() -> filter.setText("not there"));
        org.testfx.util.WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Fx.call(() -> view.table().getItems().isEmpty()));

        // a new small row is matched as it arrives; clearing the text shows everything at once
        Fx.run(() -> filter.setText("tools/"));
        org.testfx.util.WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Fx.call(() -> view.table().getItems().size() == 1));
        TrafficRow another = new TrafficRow(3, Instant.now(), true, "request", "tools/call", "9", 40, null,
                dev.mcpworkbench.inspector.traffic.RawMessage.of("{\"method\":\"tools/call\"}"), "");
        assertThat(Fx.call(() -> {
            view.add(List.of(another));
            return view.table().getItems().size();
        })).isEqualTo(2);
        assertThat(Fx.call(() -> {
            filter.setText("");
            return view.table().getItems().size();
        })).isEqualTo(3);
    }

    /** The rows hold the capture's arrays: past its byte limit the oldest rows let go of their bodies, the newest never. */
    @Test
    void theViewKeepsNoMoreBytesThanTheCaptureDoes() throws Exception {
        int size = (int) (TrafficView.MAX_BYTES / 3) + 1;
        TrafficView view = Fx.call(TrafficView::new);
        java.util.List<java.lang.ref.WeakReference<byte[]>> sent = new java.util.ArrayList<>();
        for (int seq = 1; seq <= 4; seq++) {
            byte[] body = new byte[size];
            java.util.Arrays.fill(body, (byte) 'x');
            sent.add(new java.lang.ref.WeakReference<>(body));
            TrafficRow row = new TrafficRow(seq, Instant.now(), false, "response", "", String.valueOf(seq), size, null,
                    dev.mcpworkbench.inspector.traffic.RawMessage.ofUtf8(body), "");
            Fx.run(() -> view.add(List.of(row)));
        }
        assertThat(Fx.call(() -> view.rows().stream().map(TrafficRow::seq).toList())).as("rows stay").containsExactly(1L, 2L, 3L, 4L);
        assertThat(Fx.call(() -> view.rows().stream().map(r -> r.raw().sizeBytes() == size).toList()))
                .as("the two newest keep their bodies").containsExactly(false, false, true, true);
        assertThat(Fx.call(() -> view.rows().get(0).text())).contains("let go").contains(String.valueOf(size));
        assertThat(Fx.call(() -> view.rows().get(0).sizeBytes())).isEqualTo(size);
        for (int i = 0; i < 10 && sent.get(0).get() != null; i++) System.gc();
        assertThat(sent.get(0).get()).as("the oldest message's bytes, let go by the view").isNull();

        TrafficRow huge = new TrafficRow(5, Instant.now(), false, "response", "", "5", (int) TrafficView.MAX_BYTES + 1, null,
                dev.mcpworkbench.inspector.traffic.RawMessage.ofUtf8(new byte[(int) TrafficView.MAX_BYTES + 1]), "");
        Fx.run(() -> view.add(List.of(huge)));
        assertThat(Fx.call(() -> view.rows().stream().map(r -> r.raw().sizeBytes() > TrafficRow.SMALL_BODY_BYTES).toList()))
                .as("the newest keeps its body, however big").containsExactly(false, false, false, false, true);
    }
}
