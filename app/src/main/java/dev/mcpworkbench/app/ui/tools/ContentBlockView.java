package dev.mcpworkbench.app.ui.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.app.ui.common.FxTasks;
import dev.mcpworkbench.app.ui.common.Icons;
import dev.mcpworkbench.app.ui.common.Invisibles;
import dev.mcpworkbench.app.ui.common.Json;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Clip;
import org.kordamp.ikonli.feather.Feather;

/** One content block of a tool result (or a resource's contents): text, image, audio, links, resources. */
public final class ContentBlockView {

    /** Shown as text beyond this size only on request: a megabyte in a TextArea is slow. */
    static final int TEXT_PREVIEW = 200_000;

    private ContentBlockView() {
    }

    public static Node of(JsonNode block, Consumer<String> openResource) {
        String type = block.path("type").asText("");
        Node body = switch (type) {
            case "text" -> text(block.path("text").asText(""));
            case "image" -> image(block);
            case "audio" -> audio(block);
            case "resource_link" -> link(block, openResource);
            case "resource" -> resource(block.path("resource"));
            default -> text(Json.prettyBounded(block, TEXT_PREVIEW + 1).text());
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
        String shown = text.length() > TEXT_PREVIEW
                ? text.substring(0, TEXT_PREVIEW) + "\n… (" + String.format("%,d", text.length()) + " characters; the Payload tab shows all of it)"
                : text;
        TextArea area = new TextArea(Invisibles.reveal(shown));
        area.setEditable(false);
        area.setWrapText(true);
        area.getStyleClass().addAll("mono", "block-text");
        long lines = shown.lines().count();
        area.setPrefRowCount((int) Math.max(2, Math.min(18, lines + 1)));
        return area;
    }

    private static Node image(JsonNode block) {
        try {
            byte[] bytes = Base64.getMimeDecoder().decode(block.path("data").asText(""));
            Image img = new Image(new ByteArrayInputStream(bytes));
            if (img.isError()) return new Label("The image could not be decoded (" + bytes.length + " bytes).");
            ImageView view = new ImageView(img);
            view.setPreserveRatio(true);
            view.setFitWidth(Math.min(480, img.getWidth()));
            return view;
        } catch (IllegalArgumentException e) {
            return new Label("The image data is not valid base64.");
        }
    }

    private static Node audio(JsonNode block) {
        String data = block.path("data").asText("");
        Button play = new Button("Play", Icons.of(Feather.PLAY));
        play.getStyleClass().add("small");
        Label state = new Label(String.format("%,d bytes", data.length() * 3 / 4));
        state.getStyleClass().add("text-muted");
        play.setOnAction(e -> {
            play.setDisable(true);
            FxTasks.shared().run("Playing audio", Duration.ofMinutes(5), () -> {
                byte[] bytes = Base64.getMimeDecoder().decode(data);
                try (var in = AudioSystem.getAudioInputStream(new BufferedInputStream(new ByteArrayInputStream(bytes)))) {
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

    private static Node resource(JsonNode resource) {
        Label uri = new Label(Invisibles.reveal(resource.path("uri").asText("")));
        uri.getStyleClass().add("text-muted");
        Node body = resource.has("text") ? text(resource.path("text").asText(""))
                : new Label(String.format("binary, %,d bytes (base64 in Raw JSON)", resource.path("blob").asText("").length() * 3 / 4));
        return new VBox(4, uri, body);
    }
}
