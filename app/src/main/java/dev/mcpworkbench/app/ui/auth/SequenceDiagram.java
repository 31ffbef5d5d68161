package dev.mcpworkbench.app.ui.auth;

import dev.mcpworkbench.app.ui.auth.SequenceModel.Arrow;
import dev.mcpworkbench.app.ui.auth.SequenceModel.Band;
import dev.mcpworkbench.app.ui.auth.SequenceModel.Lifeline;
import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * The flow as a sequence diagram, drawn with shapes: one lifeline per party, one request arrow and
 * one response arrow per HTTP exchange, green for a 2xx/3xx answer and red for a 4xx/5xx or none,
 * grey dashed for the browser's hops. Clicking an exchange selects its step and the exchange.
 */
public final class SequenceDiagram extends Pane {

    private static final double GUTTER = 214;
    private static final double MIN_COLUMN = 150;
    /** Roughly one character of the 11px monospace labels. */
    private static final double CHAR = 6.7;
    private static final double HEAD_TOP = 12;
    private static final double HEAD_HEIGHT = 42;
    private static final double ROW = 24;
    private static final double BAND_GAP = 8;

    private final AuthStepsViewModel model;
    private SequenceModel current = SequenceModel.of(List.of());
    private double column = MIN_COLUMN;
    private double available;

    public SequenceDiagram(AuthStepsViewModel model) {
        this.model = model;
        setId("sequenceDiagram");
        getStyleClass().add("sequence-diagram");
        model.steps().addListener((ListChangeListener<StepItem>) c -> redraw());
        model.selectedProperty().addListener((o, a, b) -> redraw());
        model.selectedExchangeProperty().addListener((o, a, b) -> redraw());
        redraw();
    }

    /** The width the diagram may fill (its scroll pane's viewport): columns widen to use it. */
    public void fitTo(double width) {
        if (Math.abs(width - available) < 1) return;
        available = width;
        redraw();
    }

    /** What is drawn now: lifelines and arrows, in order. */
    public SequenceModel drawn() {
        return current;
    }

    private void redraw() {
        current = SequenceModel.of(model.steps());
        getChildren().clear();
        List<Lifeline> lines = current.lifelines();
        column = Math.max(MIN_COLUMN, Math.min(260, (available - GUTTER - 16) / lines.size()));
        double y = HEAD_TOP + HEAD_HEIGHT + 14;
        double width = GUTTER + column * lines.size();
        int arrowNumber = 0;
        int bandNumber = 0;
        Group bandsLayer = new Group();
        Group arrowsLayer = new Group();
        for (Band band : current.bands()) {
            double top = y;
            double rows = band.arrows().stream().mapToDouble(a -> a.isExchange() ? 2 : 1).sum();
            Text title = text(band.step().kind().title(), 28, top + 14, "seq-step-title");
            title.setWrappingWidth(GUTTER - 36);
            double height = Math.max(rows * ROW, title.getLayoutBounds().getHeight() + 10) + BAND_GAP;
            Rectangle stripe = new Rectangle(0, top - 4, width, height);
            stripe.getStyleClass().add(bandNumber++ % 2 == 0 ? "seq-band-even" : "seq-band-odd");
            if (band.step().equals(model.selectedProperty().get())) stripe.getStyleClass().add("seq-band-selected");
            stripe.setOnMouseClicked(e -> model.choose(band.step()));
            javafx.scene.shape.Circle dot = new javafx.scene.shape.Circle(16, top + 10, 4);
            dot.getStyleClass().addAll("seq-state-dot", "seq-state-" + band.step().state());
            bandsLayer.getChildren().addAll(stripe, dot, title);
            double row = top;
            for (Arrow arrow : band.arrows()) {
                arrowsLayer.getChildren().add(arrowGroup(arrow, lines, row, ++arrowNumber));
                row += (arrow.isExchange() ? 2 : 1) * ROW;
            }
            y = top + height;
        }
        double bottom = Math.max(y + 8, HEAD_TOP + HEAD_HEIGHT + 60);
        Group heads = new Group();
        for (int i = 0; i < lines.size(); i++) {
            double x = centre(i);
            Line life = new Line(x, HEAD_TOP + HEAD_HEIGHT, x, bottom);
            life.getStyleClass().add("seq-lifeline");
            double boxWidth = Math.min(column - 14, 170);
            Rectangle box = new Rectangle(x - boxWidth / 2, HEAD_TOP, boxWidth, HEAD_HEIGHT);
            box.setArcWidth(10);
            box.setArcHeight(10);
            box.getStyleClass().addAll("seq-head", "seq-head-" + lines.get(i).name().toLowerCase(Locale.ROOT));
            Text name = centred(lines.get(i).title(), x, HEAD_TOP + 18, boxWidth - 6, "seq-head-title");
            Text sub = centred(lines.get(i).subtitle(), x, HEAD_TOP + 33, boxWidth - 6, "seq-head-subtitle");
            heads.getChildren().addAll(life, box, name, sub);
        }
        if (current.bands().isEmpty()) {
            bandsLayer.getChildren().add(text("The exchanges of the flow appear here as they happen.", 12, HEAD_TOP + HEAD_HEIGHT + 30, "seq-empty"));
        }
        getChildren().addAll(bandsLayer, heads, arrowsLayer);
        setPrefSize(width + 12, bottom + 10);
        setMinSize(width + 12, bottom + 10);
    }

    private Node arrowGroup(Arrow arrow, List<Lifeline> lines, double top, int number) {
        double x1 = centre(lines.indexOf(arrow.from()));
        double x2 = centre(lines.indexOf(arrow.to()));
        String outcome = "seq-" + arrow.outcome().name().toLowerCase(Locale.ROOT);
        Group group = new Group();
        group.setId("arrow-" + number);
        group.getStyleClass().addAll("seq-arrow", outcome);
        group.setUserData(arrow);
        boolean selected = arrow.isExchange() && arrow.step().equals(model.selectedProperty().get())
                && model.selectedExchangeProperty().get() == arrow.exchangeIndex();
        double height = (arrow.isExchange() ? 2 : 1) * ROW;
        Rectangle hit = new Rectangle(Math.min(x1, x2) - 8, top - 2, Math.abs(x2 - x1) + 16, height);
        hit.setArcWidth(8);
        hit.setArcHeight(8);
        hit.getStyleClass().add(selected ? "seq-hit-selected" : "seq-hit");
        group.getChildren().add(hit);
        double requestY = top + ROW - 6;
        group.getChildren().addAll(arrowLine(x1, x2, requestY, !arrow.isExchange(), outcome),
                centred(fit(arrow.request(), Math.abs(x2 - x1) - 12), (x1 + x2) / 2, requestY - 5, Math.abs(x2 - x1) - 8, "seq-label", outcome));
        if (arrow.isExchange()) {
            double responseY = requestY + ROW;
            group.getChildren().addAll(arrowLine(x2, x1, responseY, true, outcome),
                    centred(arrow.response(), (x1 + x2) / 2, responseY - 5, Math.abs(x2 - x1) - 8, "seq-label", "seq-status", outcome));
            group.setOnMouseClicked(e -> model.chooseExchange(arrow.step(), arrow.exchangeIndex()));
            group.setCursor(javafx.scene.Cursor.HAND);
        } else {
            group.setOnMouseClicked(e -> model.choose(arrow.step()));
        }
        Tooltip.install(group, new Tooltip(arrow.request() + (arrow.response().isEmpty() ? "" : " → " + arrow.response())
                + (arrow.host().isEmpty() ? "" : "\n" + arrow.host())));
        return group;
    }

    private static Group arrowLine(double from, double to, double y, boolean dashed, String outcome) {
        Line line = new Line(from, y, to, y);
        line.getStyleClass().addAll("seq-line", outcome);
        if (dashed) line.getStrokeDashArray().addAll(5.0, 4.0);
        double dir = Math.signum(to - from);
        Polygon head = new Polygon(to, y, to - dir * 9, y - 4.5, to - dir * 9, y + 4.5);
        head.getStyleClass().addAll("seq-head-arrow", outcome);
        return new Group(line, head);
    }

    private double centre(int lifeline) {
        return GUTTER + column * lifeline + column / 2;
    }

    /** The label cut with "…" to fit {@code width}: one line per arrow; the tooltip has it whole. */
    private static String fit(String label, double width) {
        int max = (int) Math.max(6, width / CHAR);
        return label.length() <= max ? label : label.substring(0, max - 1) + "…";
    }

    private static Text text(String value, double x, double y, String... styles) {
        Text t = new Text(x, y, value);
        t.getStyleClass().addAll(styles);
        return t;
    }

    private static Text centred(String value, double x, double y, double width, String... styles) {
        Text t = new Text(value);
        t.getStyleClass().addAll(styles);
        t.setTextAlignment(TextAlignment.CENTER);
        t.setWrappingWidth(Math.max(width, 20));
        t.setX(x - Math.max(width, 20) / 2);
        t.setY(y);
        return t;
    }
}
