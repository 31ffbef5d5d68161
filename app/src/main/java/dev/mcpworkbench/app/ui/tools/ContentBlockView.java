package dev.mcpworkbench.app.ui.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.mcpworkbench.inspector.payload.ByteSizes;
import dev.mcpworkbench.inspector.payload.ImageSize;
import dev.mcpworkbench.inspector.traffic.Base64Content;
import dev.mcpworkbench.inspector.traffic.LongTextNode;
import dev.mcpworkbench.app.ui.common.FxTasks;
import dev.mcpworkbench.app.ui.common.Icons;
import dev.mcpworkbench.app.ui.common.Invisibles;
import dev.mcpworkbench.app.ui.common.Json;
import dev.mcpworkbench.app.ui.common.NextFrame;
import dev.mcpworkbench.app.ui.common.UncachedTextArea;
import java.io.BufferedInputStream;
import java.time.Duration;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Clip;
import org.kordamp.ikonli.feather.Feather;

/** One content block of a tool result (or a resource's contents): text, image, audio, links, resources. */
public final class ContentBlockView {

    /**
     * A text block shows at most this many characters. A text control lays its whole text out in
     * one pass on the FX thread (wrapped, 200,000 characters took seconds): a preview of a few
     * screens costs the same for any size, and the payload view pages through the rest. 4 K fills
     * the preview's 18 rows at any usual width; 16 K (a single line of JSON wraps into some 200
     * rows) made the text's layout and its software painting the longest part of a result's,
     * resource's or prompt's first frame.
     */
    static final int TEXT_PREVIEW = 4 * 1024;

    private ContentBlockView() {
    }

    public static Node of(JsonNode block, Consumer<String> openResource) {
        return of(block, openResource, null);
    }

    /** @param openWhole opens the whole result in the payload view (offered under a cut text), or null */
    public static Node of(JsonNode block, Consumer<String> openResource, Runnable openWhole) {
        String type = block.path("type").asText("");
        Node body = switch (type) {
            case "text" -> text(block.path("text"), openWhole);
            case "image" -> image(block);
            case "audio" -> audio(block);
            case "resource_link" -> link(block, openResource);
            case "resource" -> resource(block.path("resource"), openWhole);
            default -> unknown(block, openWhole);
        };
        Label kind = new Label(type.isEmpty() ? "unknown block" : type);
        kind.getStyleClass().add("block-kind");
        String mime = block.path("mimeType").asText(block.path("resource").path("mimeType").asText(""));
        if (!mime.isEmpty()) kind.setText(kind.getText() + " · " + mime);
        VBox box = new VBox(6, kind, body);
        box.getStyleClass().add("content-block");
        return box;
    }

    public static Node text(String text) {
        return text(text, null);
    }

    /** The text whole when it is short; else its first {@link #TEXT_PREVIEW} characters and a note saying so. */
    public static Node text(String text, Runnable openWhole) {
        return text(new TextNode(text), openWhole);
    }

    /**
     * A string node's text as {@link #text(String, Runnable)} shows it, reading only the head it
     * shows: a 100 MB text block received stays in the message's bytes ({@link LongTextNode}).
     */
    public static Node text(JsonNode text, Runnable openWhole) {
        int length = LongTextNode.length(text);
        boolean cut = length > TEXT_PREVIEW;
        return preview(LongTextNode.head(text, TEXT_PREVIEW), !cut ? null
                : "Showing " + CharCounts.chars(TEXT_PREVIEW) + " of " + CharCounts.chars(length)
                + (openWhole == null ? " characters." : " characters: the payload view shows all of it."), openWhole);
    }

    /** The bytes a base64 string decodes to, counted without decoding it. */
    public static long base64Bytes(JsonNode data) {
        return LongTextNode.length(data) * 3L / 4;
    }

    /** An unknown block as JSON, pretty-printed only as far as the preview goes. */
    private static Node unknown(JsonNode block, Runnable openWhole) {
        Json.Bounded pretty = Json.prettyBounded(block, TEXT_PREVIEW);
        return preview(pretty.text(), !pretty.truncated() ? null
                : "Showing the first " + CharCounts.chars(TEXT_PREVIEW) + " characters: the payload view shows all of it.", openWhole);
    }

    /** @param note what was left out, or null when {@code shown} is the whole text */
    private static Node preview(String shown, String note, Runnable openWhole) {
        boolean cut = note != null;
        // the text area comes a frame after the rest of the view, once it shows in the window (see NextFrame)
        Node area = NextFrame.whenShown(() -> {
            TextArea text = new UncachedTextArea(Invisibles.reveal(shown));
            text.setEditable(false);
            text.setWrapText(true);
            text.getStyleClass().addAll("mono", "block-text");
            text.setPrefRowCount(previewRows(shown));
            return text;
        });
        if (!cut) return area;
        Label noteLabel = new Label(note);
        noteLabel.getStyleClass().add("result-note");
        noteLabel.setWrapText(true);
        HBox bar = new HBox(8, noteLabel);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.getStyleClass().add("block-preview-note");
        if (openWhole != null) {
            Hyperlink open = new Hyperlink("Open in payload view", Icons.of(Feather.EXTERNAL_LINK));
            open.getStyleClass().add("block-open-whole");
            open.setOnAction(e -> openWhole.run());
            bar.getChildren().add(open);
        }
        VBox box = new VBox(4, area, bar);
        box.getStyleClass().add("block-preview");
        return box;
    }

    /**
     * The preview's height in rows: its lines as they wrap (about 110 characters a row at the
     * result pane's usual width), at least 2 and at most 18. Counted by lines only, a JSON text on
     * one line (how most servers send it) got 2 rows for 4 K characters.
     */
    static int previewRows(String shown) {
        long rows = shown.lines().limit(18).mapToLong(line -> 1 + line.length() / 110).sum();
        return (int) Math.max(2, Math.min(18, rows + 1));
    }

    /**
     * At most this many blocks (content blocks, resource contents, prompt messages) are laid out:
     * a result of 100,000 small blocks would otherwise be 100,000 nodes laid out in one pass.
     */
    public static final int BLOCK_LIMIT = 50;

    /**
     * The first this many blocks are laid out with the view; the others, up to {@link #BLOCK_LIMIT},
     * come as they are scrolled to ({@link NextFrame#whenShown}). All 50 views of a result of many
     * small blocks (their labels and places) entered its first frame: with the check and the
     * collector holding both cores, that frame's CSS pass took 67 ms of a 102 ms gap (bench, blocks).
     */
    static final int BLOCKS_AT_ONCE = 8;

    /** The view of the block at {@code index} of a list: built now when it is among the first few, else once it shows. */
    public static Node nth(int index, java.util.function.Supplier<? extends Node> build) {
        return index < BLOCKS_AT_ONCE ? build.get() : NextFrame.whenShown(build);
    }

    /** The note after the first {@link #BLOCK_LIMIT} of {@code total} blocks, or null when all are shown. */
    public static Node moreBlocks(int total, String what, Runnable openWhole) {
        if (total <= BLOCK_LIMIT) return null;
        Label note = new Label(String.format("Showing the first %d of %,d %s: the payload view shows all of them.", BLOCK_LIMIT, total, what));
        note.getStyleClass().add("result-note");
        note.setId("moreBlocks");
        note.setWrapText(true);
        HBox bar = new HBox(8, note);
        if (openWhole != null) {
            Hyperlink open = new Hyperlink("Open in payload view", Icons.of(Feather.EXTERNAL_LINK));
            open.setOnAction(e -> openWhole.run());
            bar.getChildren().add(open);
        }
        return bar;
    }

    /** Character counts for the notes under cut texts. */
    private static final class CharCounts {
        static String chars(long n) {
            if (n < 10_000) return String.format("%,d", n);
            if (n < 1_000_000) return String.format("%,d K", n / 1000);
            return String.format(java.util.Locale.ROOT, "%,.1f M", n / 1e6);
        }
    }

    /**
     * An image is decoded off the FX thread, after its declared size is read from its first bytes:
     * decoding a 75 MB PNG on the FX thread froze the window for over a second, and a small PNG
     * declaring 20,000 × 20,000 pixels would decode to 1.6 GB.
     */
    private static Node image(JsonNode block) {
        JsonNode data = block.path("data");
        Label state = new Label("Decoding the image (" + ByteSizes.format(base64Bytes(data)) + ")…");
        state.getStyleClass().add("text-muted");
        StackPane holder = new StackPane(state);
        holder.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        FxTasks.shared().run("Decoding an image", Duration.ofSeconds(60), () -> decodeImage(data), shown -> {
            if (shown.image() == null) {
                state.setText(shown.note());
                return;
            }
            ImageView view = new ImageView(shown.image());
            view.setPreserveRatio(true);
            view.setFitWidth(Math.min(IMAGE_WIDTH, shown.image().getWidth()));
            holder.getChildren().setAll(view);
        }, err -> state.setText("The image could not be decoded: " + FxTasks.message(err)));
        return holder;
    }

    /** Images are shown at most this wide, and decoded to that width: the full size stays in the payload view's export. */
    static final int IMAGE_WIDTH = 480;

    /** A decoded image, or why there is none. */
    record DecodedImage(Image image, String note) {
    }

    static DecodedImage decodeImage(JsonNode data) throws java.io.IOException {
        byte[] head = Base64Content.head(data, ImageSize.HEAD_BYTES);
        if (head.length == 0) return new DecodedImage(null, "The image has no data.");
        var size = ImageSize.of(head);
        if (size.isEmpty()) {
            return new DecodedImage(null, "Not shown: the data is not a PNG, JPEG, GIF or BMP image whose size can be read ("
                    + ByteSizes.format(base64Bytes(data)) + ").");
        }
        ImageSize s = size.get();
        if (!s.fits()) {
            return new DecodedImage(null, String.format("Not shown: the image declares %,d × %,d pixels, %s once decoded "
                    + "(the limit is %,d megapixels). Export its data from the payload view to open it elsewhere.",
                    Integer.toUnsignedLong(s.width()), Integer.toUnsignedLong(s.height()), ByteSizes.format(s.decodedBytes()),
                    ImageSize.PIXEL_BUDGET / 1_000_000));
        }
        Image image = new Image(Base64Content.decoded(data), Math.min(IMAGE_WIDTH, s.width()), 0, true, true);
        if (image.isError()) {
            String why = image.getException() == null ? "" : ": " + image.getException().getMessage();
            return new DecodedImage(null, "The image could not be decoded (" + ByteSizes.format(base64Bytes(data)) + ")" + why + ".");
        }
        return new DecodedImage(image, "");
    }

    private static Node audio(JsonNode block) {
        JsonNode data = block.path("data");
        Button play = new Button("Play", Icons.of(Feather.PLAY));
        play.getStyleClass().add("small");
        Label state = new Label(String.format("%,d bytes", base64Bytes(data)));
        state.getStyleClass().add("text-muted");
        play.setOnAction(e -> {
            play.setDisable(true);
            FxTasks.shared().run("Playing audio", Duration.ofMinutes(5), () -> {
                // decoded as it is read, off the FX thread: the data may be a 100 MB string
                try (var in = AudioSystem.getAudioInputStream(new BufferedInputStream(Base64Content.decoded(data)))) {
                    Clip clip = AudioSystem.getClip();
                    clip.open(in);
                    clip.start();
                    Thread.sleep(Math.max(100, clip.getMicrosecondLength() / 1000));
                    clip.close();
                }
                return "played";
            }, ok -> {
                play.setDisable(false);
                state.setText("Played.");
            }, err -> {
                play.setDisable(false);
                state.setText("Cannot play: " + FxTasks.message(err));
            });
        });
        return new HBox(8, play, state);
    }

    private static Node link(JsonNode block, Consumer<String> openResource) {
        String uri = block.path("uri").asText("");
        Hyperlink link = new Hyperlink(Invisibles.reveal(uri), Icons.of(Feather.LINK));
        link.setOnAction(e -> openResource.accept(uri));
        String name = block.path("name").asText("");
        String description = block.path("description").asText("");
        VBox box = new VBox(2, link);
        if (!name.isEmpty() || !description.isEmpty()) {
            Label l = new Label(Invisibles.reveal((name + " " + description).strip()));
            l.setWrapText(true);
            l.getStyleClass().add("text-muted");
            box.getChildren().add(l);
        }
        return box;
    }

    private static Node resource(JsonNode resource, Runnable openWhole) {
        Label uri = new Label(Invisibles.reveal(resource.path("uri").asText("")));
        uri.getStyleClass().add("text-muted");
        Node body = resource.has("text") ? text(resource.path("text"), openWhole)
                : new Label(String.format("binary, %,d bytes (base64 in Raw JSON)", base64Bytes(resource.path("blob"))));
        return new VBox(4, uri, body);
    }
}
