package dev.mcpworkbench.app.ui.overview;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.app.ui.common.FxTasks;
import dev.mcpworkbench.app.ui.common.Invisibles;
import dev.mcpworkbench.app.ui.common.RevealedText;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;

/**
 * The server at a glance: identity, protocol, capabilities, instructions (invisible characters
 * shown), the size of its surface and what its tool list costs in tokens, per tool.
 */
public final class OverviewView extends ScrollPane {

    /** The chart shows the most expensive tools; a 1,000-tool server would be unreadable. */
    static final int CHART_TOOLS = 25;

    private final VBox content = new VBox(16);
    private final Label totalTokens = new Label("…");
    private final VBox chartBox = new VBox(8);
    private FxTasks.Handle counting;
    /** The stat tiles of the server shown; a new row per server, the token figure's label shared. */
    private TilePane statsRow;
    private final java.util.List<Node> extraSections = new java.util.ArrayList<>();

    public OverviewView() {
        setId("overview");
        setFitToWidth(true);
        getStyleClass().add("edge-to-edge");
        content.setPadding(new Insets(20, 24, 24, 24));
        content.getStyleClass().add("overview");
        setContent(content);
        // Registered once: added per server shown, this listener kept every earlier server's tiles
        // reachable through the one long-lived label (and its style class list grew by one each time).
        totalTokens.getStyleClass().add("stat-value");
        totalTokens.textProperty().addListener((o, was, text) -> {
            if (statsRow != null) fitTiles(statsRow);
        });
    }

    /** Adds a section below the stats on every server shown (e.g. the findings summary). */
    public void addSection(Node section) {
        extraSections.add(section);
    }

    public void show(ServerSnapshot s) {
        if (counting != null) counting.cancel();
        content.getChildren().setAll(identity(s), stats(s), capabilities(s), instructions(s), chartCard());
        content.getChildren().addAll(2, extraSections);
        totalTokens.setText("…");
        chartBox.getChildren().setAll(new Label("Counting tokens (o200k_base)…"));
        counting = FxTasks.shared().run("Counting tokens", Duration.ofSeconds(60), () -> ToolTokenCost.of(s),
                this::showCost, e -> chartBox.getChildren().setAll(new Label("Token count failed: " + FxTasks.message(e))));
    }

    private Node identity(ServerSnapshot s) {
        JsonNode info = s.initialize().path("serverInfo");
        String title = info.path("title").asText(s.serverName());
        Label name = new Label(Invisibles.reveal(title.isEmpty() ? "(unnamed server)" : title));
        name.getStyleClass().add("title-2");
        Label meta = new Label(String.join("  ·  ", nonEmpty(
                s.serverName().isEmpty() ? "" : "name " + Invisibles.reveal(s.serverName()),
                s.serverVersion().isEmpty() ? "" : "version " + Invisibles.reveal(s.serverVersion()),
                s.protocolVersion().isEmpty() ? "" : "protocol " + s.protocolVersion(),
                s.source().isEmpty() ? "" : Invisibles.reveal(s.source()))));
        meta.getStyleClass().add("text-muted");
        meta.setWrapText(true);
        return new VBox(4, name, meta);
    }

    private Node stats(ServerSnapshot s) {
        // Tiles of one width that wrap to a second row in a narrow window: in a row that shrank them,
        // the figures were cut to "…".
        TilePane row = new TilePane(12, 12,
                stat(String.valueOf(s.tools().size()), "tools"),
                stat(totalTokens, "tokens in the tool list"),
                stat(String.valueOf(s.resources().size()), "resources"),
                stat(String.valueOf(s.resourceTemplates().size()), "resource templates"),
                stat(String.valueOf(s.prompts().size()), "prompts"));
        row.setId("overviewStats");
        row.setPrefColumns(5);
        row.setTileAlignment(javafx.geometry.Pos.TOP_LEFT);
        // When all tiles fit on one row they share its width, as a row of cards should.
        row.widthProperty().addListener((o, was, width) -> fitTiles(row));
        statsRow = row;
        return row;
    }

    private static void fitTiles(TilePane row) {
        double widest = row.getChildren().stream().mapToDouble(n -> n.prefWidth(-1)).max().orElse(0);
        int n = row.getChildren().size();
        double shared = (row.getWidth() - row.getInsets().getLeft() - row.getInsets().getRight() - row.getHgap() * (n - 1)) / n;
        row.setPrefTileWidth(Math.floor(Math.max(widest, shared)));
    }

    private static Node stat(String value, String caption) {
        Label v = new Label(value);
        v.getStyleClass().add("stat-value");
        return stat(v, caption);
    }

    private static Node stat(Label value, String caption) {
        Label c = new Label(caption);
        c.getStyleClass().add("stat-caption");
        value.setMinWidth(Region.USE_PREF_SIZE);
        c.setMinWidth(Region.USE_PREF_SIZE);
        VBox tile = new VBox(2, value, c);
        tile.getStyleClass().add("stat-tile");
        tile.setMaxWidth(Double.MAX_VALUE);
        return tile;
    }

    private Node capabilities(ServerSnapshot s) {
        FlowPane chips = new FlowPane(6, 6);
        JsonNode caps = s.capabilities();
        for (Iterator<Map.Entry<String, JsonNode>> it = caps.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> c = it.next();
            StringBuilder text = new StringBuilder(c.getKey());
            c.getValue().fields().forEachRemaining(f -> {
                if (f.getValue().asBoolean(false)) text.append(" · ").append(f.getKey());
            });
            Label chip = new Label(Invisibles.reveal(text.toString()));
            chip.getStyleClass().add("chip");
            chips.getChildren().add(chip);
        }
        if (chips.getChildren().isEmpty()) chips.getChildren().add(new Label("The server declared no capabilities."));
        return card("Capabilities", chips);
    }

    private Node instructions(ServerSnapshot s) {
        String text = s.instructions().orElse("");
        if (text.isEmpty()) {
            Label none = new Label("The server sent no instructions.");
            none.getStyleClass().add("text-muted");
            return card("Instructions", none);
        }
        VBox box = new VBox(6);
        long hidden = Invisibles.count(text);
        if (hidden > 0) {
            Label warn = new Label(hidden + " invisible character(s): shown as ⟦U+…⟧ badges");
            warn.getStyleClass().add("warning-text");
            box.getChildren().add(warn);
        }
        RevealedText body = new RevealedText(text.length() > 20_000 ? text.substring(0, 20_000) + "…" : text);
        body.setId("instructionsText");
        // long instructions scroll inside their card so the surface and the chart stay in view
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(Math.min(240, 18 * (text.lines().count() + 1)));
        scroll.getStyleClass().add("edge-to-edge");
        box.getChildren().add(scroll);
        return card("Instructions", box);
    }

    private Node chartCard() {
        return card("Token cost per tool (o200k_base)", chartBox);
    }

    private void showCost(ToolTokenCost cost) {
        totalTokens.setText(String.format("%,d", cost.total()));
        if (cost.perTool().isEmpty()) {
            chartBox.getChildren().setAll(new Label("No tools."));
            return;
        }
        List<ToolTokenCost.PerTool> top = cost.perTool().subList(0, Math.min(CHART_TOOLS, cost.perTool().size()));
        NumberAxis tokens = new NumberAxis();
        tokens.setLabel("tokens");
        CategoryAxis names = new CategoryAxis();
        BarChart<Number, String> chart = new BarChart<>(tokens, names);
        chart.setId("tokenChart");
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setCategoryGap(4);
        XYChart.Series<Number, String> series = new XYChart.Series<>();
        for (int i = top.size() - 1; i >= 0; i--) {
            ToolTokenCost.PerTool t = top.get(i);
            series.getData().add(new XYChart.Data<>(t.tokens(), Invisibles.reveal(t.name())));
        }
        chart.getData().add(series);
        chart.setPrefHeight(Math.max(180, 26 * top.size() + 60));
        chartBox.getChildren().setAll(chart);
        if (cost.perTool().size() > top.size()) {
            Label more = new Label("The " + top.size() + " most expensive of " + cost.perTool().size() + " tools.");
            more.getStyleClass().add("text-muted");
            chartBox.getChildren().add(more);
        }
    }

    private static Node card(String title, Node body) {
        Label t = new Label(title);
        t.getStyleClass().add("card-title");
        VBox card = new VBox(10, t, body);
        card.getStyleClass().add("section-card");
        return card;
    }

    private static String[] nonEmpty(String... parts) {
        return java.util.Arrays.stream(parts).filter(p -> !p.isEmpty()).toArray(String[]::new);
    }
}
