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

    private static TrafficRow bigRow() {
        StringBuilder text = new StringBuilder("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{\"note\":\"" + TOKEN + "\",\"rows\":\"");
        while (text.length() < 5_000_000) text.append("row ");
        text.append("Needle-At-The-End\"}}");
        return new TrafficRow(1, Instant.now(), false, "response", "", "7", text.length(), null, text.toString(), "");
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
    void theFilterFindsTextAnywhereWhateverItsCase() {
        TrafficRow row = bigRow();
        assertThat(row.matches("Both directions", "All methods", "needle-at-the-END")).isTrue();
        assertThat(row.matches("Both directions", "All methods", "not there")).isFalse();
        assertThat(TrafficRow.containsIgnoreCase("abc", "")).isTrue();
        assertThat(TrafficRow.containsIgnoreCase("ab", "abc")).isFalse();
    }
}
