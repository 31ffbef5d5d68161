package dev.mcpworkbench.app.ui.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpworkbench.oauth.http.SecretMasker;
import dev.mcpworkbench.oauth.token.ClaimCheck;
import dev.mcpworkbench.oauth.token.DecodedToken;
import dev.mcpworkbench.oauth.token.Expiry;
import dev.mcpworkbench.oauth.token.ScopeComparison;
import dev.mcpworkbench.oauth.token.TokenResponseReview;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The tokens of a token response, decoded: per token its raw text (masked unless secrets are
 * revealed), aud and iss against what the flow expected, exp as a countdown ticking each second
 * while the view is on screen, header and claims pretty-printed; then the scopes granted vs asked.
 * Above them the token type, and for a DPoP-bound token its cnf.jkt against the session's key.
 */
final class DecodedTokensView extends VBox {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Runnable> ticks = new ArrayList<>();
    private final Timeline clock = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
    private final Supplier<Instant> now;

    DecodedTokensView(TokenResponseReview review, boolean reveal, Supplier<Instant> now) {
        super(6);
        this.now = now;
        setId("decodedTokens");
        getStyleClass().add("decoded-tokens");
        addTokenType(review);
        for (DecodedToken token : review.tokens()) addToken(token, reveal);
        addScopes(review.scopes());
        clock.setCycleCount(Animation.INDEFINITE);
        // The countdown runs only while the view is in a scene: the detail pane replaces this view on
        // every redraw, and a detached view must not keep a timeline (and itself) alive.
        sceneProperty().addListener((o, a, scene) -> {
            if (scene == null) clock.stop();
            else clock.play();
        });
        tick();
    }

    /** True while the countdown timeline runs (for tests). */
    boolean ticking() {
        return clock.getStatus() == Animation.Status.RUNNING;
    }

    private void tick() {
        ticks.forEach(Runnable::run);
    }

    private void addToken(DecodedToken token, boolean reveal) {
        String id = token.name().replace("_", "");
        Label title = new Label(token.name() + (token.jwt() ? " · JWT (" + token.inspection().header().get("alg") + ")" : ""));
        title.getStyleClass().add("token-title");
        getChildren().add(title);
        getChildren().add(AuthStepsPanel.copyableValue("raw " + token.name(), token.raw(),
                reveal ? token.raw() : SecretMasker.mask(token.raw())));
        if (!token.jwt()) {
            Label opaque = new Label(token.opaqueNote());
            opaque.setId(id + "-opaque");
            opaque.getStyleClass().add("muted");
            getChildren().add(opaque);
            return;
        }
        getChildren().add(checkRow(id + "-aud", "aud", token.audience(), token.name().equals("id_token") ? "client" : "resource"));
        getChildren().add(checkRow(id + "-iss", "iss", token.issuer(), "issuer"));
        Label expiry = new Label();
        expiry.setId(id + "-exp");
        Runnable update = () -> {
            Instant at = now.get();
            expiry.setText(Expiry.describe(token.expiresAt(), at) + (token.expiresAt() == null ? "" : "  (" + token.expiresAt() + ")"));
            expiry.getStyleClass().removeAll("auth-step-failed", "auth-step-passed");
            expiry.getStyleClass().add(Expiry.expired(token.expiresAt(), at) ? "auth-step-failed" : "auth-step-passed");
        };
        ticks.add(update);
        getChildren().add(row("exp", expiry));
        getChildren().add(json(id + "-header", "header", token.inspection().header(), 7));
        getChildren().add(json(id + "-claims", "claims", token.inspection().claims(), 10));
    }

    /** token_type, and for a DPoP-bound token its cnf.jkt held against the session's key (RFC 9449 section 6). */
    private void addTokenType(TokenResponseReview review) {
        String type = review.tokenType().isEmpty() ? "(absent: Bearer)" : review.tokenType();
        Label value = mono(type + (review.dpopBound() ? "  · bound to the session's DPoP key, sent with a proof on every request" : ""));
        value.setId("tokenType");
        getChildren().add(row("token_type", value));
        if (review.dpopBinding() != null) getChildren().add(checkRow("accesstoken-cnf", "cnf.jkt", review.dpopBinding(), "session key"));
    }

    private static Node checkRow(String id, String claim, ClaimCheck check, String against) {
        Label value = new Label(check.found().isEmpty() ? "(absent)" : check.found());
        value.getStyleClass().add("mono");
        Label verdict = new Label(check.word() + (check.expected().isEmpty() ? "" : " · " + against + " " + check.expected()));
        verdict.setId(id);
        verdict.getStyleClass().add(switch (check.verdict()) {
            case MATCH -> "auth-step-passed";
            case MISMATCH, MISSING -> "auth-step-failed";
            case NOT_CHECKED -> "muted";
        });
        verdict.setWrapText(true);
        return row(claim, new HBox(12, value, verdict));
    }

    private void addScopes(ScopeComparison scopes) {
        Label heading = new Label("Scopes");
        heading.getStyleClass().add("token-title");
        getChildren().add(heading);
        getChildren().add(row("asked", mono(scopes.asked().isEmpty() ? "(none)" : String.join(" ", new java.util.TreeSet<>(scopes.asked())))));
        getChildren().add(row("granted", mono((scopes.granted().isEmpty() ? "(none)" : String.join(" ", new java.util.TreeSet<>(scopes.granted())))
                + "   (" + scopes.grantedFrom() + ")")));
        Label verdict = new Label(scopes.asAsked() ? "granted as asked"
                : (scopes.notGranted().isEmpty() ? "" : "not granted: " + String.join(" ", scopes.notGranted()))
                + (scopes.notGranted().isEmpty() || scopes.extra().isEmpty() ? "" : " · ")
                + (scopes.extra().isEmpty() ? "" : "extra (not asked): " + String.join(" ", scopes.extra())));
        verdict.setId("scopeComparison");
        verdict.getStyleClass().add(scopes.asAsked() ? "auth-step-passed" : "auth-step-failed");
        getChildren().add(row("comparison", verdict));
    }

    private static Label mono(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("mono");
        label.setWrapText(true);
        return label;
    }

    private static Node row(String name, Node value) {
        Label label = new Label(name);
        label.getStyleClass().add("value-name");
        label.setMinWidth(170);
        label.setPrefWidth(170);
        HBox row = new HBox(6, label, value);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static Node json(String id, String name, Map<String, Object> values, int rows) {
        TextArea text = new TextArea(pretty(values));
        text.setId(id);
        text.setEditable(false);
        text.setWrapText(true);
        text.getStyleClass().add("copy-field");
        text.setPrefRowCount(Math.min(rows, Math.max(2, values.size() + 2)));
        return new VBox(2, sectionLabel(name), text);
    }

    private static Label sectionLabel(String name) {
        Label label = new Label(name);
        label.getStyleClass().add("value-name");
        return label;
    }

    static String pretty(Map<String, Object> values) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(new TreeMap<>(values));
        } catch (JsonProcessingException e) {
            return String.valueOf(values);
        }
    }
}
