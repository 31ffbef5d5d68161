package dev.mcpworkbench.app.ui.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpworkbench.oauth.flow.StepKind;
import dev.mcpworkbench.oauth.http.RequestDraft;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The step-in form: a request the flow holds, every part editable (method, URL with its query,
 * headers one per line, body; a JSON body pretty-printed), then Send or Cancel.
 */
public final class RequestEditor extends VBox {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PendingRequest pending;
    private final TextField method = new TextField();
    private final TextArea url = new TextArea();
    private final TextArea headers = new TextArea();
    private final TextArea body = new TextArea();
    private final String shownBody;
    private final Label error = new Label();

    public RequestEditor(PendingRequest pending, Runnable onDecided) {
        super(8);
        this.pending = pending;
        setId("stepInEditor");
        getStyleClass().add("step-in-card");
        RequestDraft proposed = pending.proposed();
        Label title = new Label("Step through · " + pending.step().title() + ": the flow waits for you to send this request");
        title.getStyleClass().add("step-in-title");
        title.setWrapText(true);
        getChildren().add(title);
        if (pending.step() == StepKind.AUTHORIZATION_REQUEST && proposed.method().equals("GET") && proposed.headers().isEmpty()) {
            getChildren().add(muted("This URL is what the browser opens; the authorization server's answer reaches the callback."));
        }
        if (pending.reapplied()) getChildren().add(muted("Your edit from the previous run is applied; the flow's fresh values (state, PKCE, code) are kept."));
        method.setText(proposed.method());
        method.setId("stepInMethod");
        method.setPrefColumnCount(6);
        url.setText(proposed.uri().toString());
        url.setId("stepInUrl");
        url.setWrapText(true);
        url.setPrefRowCount(3);
        StringBuilder lines = new StringBuilder();
        proposed.headers().forEach((k, v) -> v.forEach(value -> lines.append(k).append(": ").append(value).append('\n')));
        headers.setText(lines.toString());
        headers.setId("stepInHeaders");
        headers.setPrefRowCount(Math.min(6, Math.max(2, proposed.headers().size() + 1)));
        shownBody = pretty(proposed.body());
        body.setText(shownBody);
        body.setId("stepInBody");
        body.setPrefRowCount(Math.min(10, Math.max(2, (int) shownBody.lines().count() + 1)));
        for (TextArea area : List.of(url, headers, body)) area.getStyleClass().add("mono");
        method.getStyleClass().add("mono");
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, label("Method"), method);
        form.addRow(1, label("URL"), url);
        form.addRow(2, label("Headers"), headers);
        form.addRow(3, label("Body"), body);
        GridPane.setHgrow(url, Priority.ALWAYS);
        getChildren().add(form);
        Button send = new Button("Send");
        send.setId("stepInSend");
        send.setDefaultButton(true);
        send.getStyleClass().add("accent");
        send.setOnAction(e -> {
            try {
                pending.send(edited());
                onDecided.run();
            } catch (IllegalArgumentException bad) {
                error.setText(bad.getMessage());
            }
        });
        Button cancel = new Button("Cancel request");
        cancel.setId("stepInCancel");
        cancel.setOnAction(e -> {
            pending.cancel();
            onDecided.run();
        });
        Button reset = new Button("Reset");
        reset.setOnAction(e -> {
            url.setText(pending.original().uri().toString());
            body.setText(pretty(pending.original().body()));
        });
        error.getStyleClass().add("auth-step-failed");
        error.setWrapText(true);
        HBox buttons = new HBox(8, send, cancel, reset, error);
        buttons.setAlignment(Pos.CENTER_LEFT);
        getChildren().add(buttons);
    }

    /** The request as the form now says; an unchanged pretty-printed body goes as it was built. */
    RequestDraft edited() {
        URI target;
        try {
            target = URI.create(url.getText().replaceAll("\\s+", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the URL is not valid: " + e.getMessage());
        }
        if (!target.isAbsolute()) throw new IllegalArgumentException("the URL must be absolute");
        Map<String, List<String>> parsed = new LinkedHashMap<>();
        for (String line : headers.getText().split("\n")) {
            if (line.isBlank()) continue;
            int colon = line.indexOf(':');
            if (colon <= 0) throw new IllegalArgumentException("a header line needs \"Name: value\": " + line);
            parsed.computeIfAbsent(line.substring(0, colon).trim(), k -> new ArrayList<>()).add(line.substring(colon + 1).trim());
        }
        String text = body.getText();
        String sentBody = text.equals(shownBody) ? pending.proposed().body() : text;
        String verb = method.getText().trim().toUpperCase(java.util.Locale.ROOT);
        if (verb.isEmpty()) throw new IllegalArgumentException("the method is empty");
        return new RequestDraft(verb, target, parsed, sentBody);
    }

    static String pretty(String body) {
        String trimmed = body == null ? "" : body.trim();
        if (!(trimmed.startsWith("{") || trimmed.startsWith("["))) return body == null ? "" : body;
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(trimmed));
        } catch (java.io.IOException e) {
            return body;
        }
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("value-name");
        return l;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        l.setWrapText(true);
        return l;
    }
}
