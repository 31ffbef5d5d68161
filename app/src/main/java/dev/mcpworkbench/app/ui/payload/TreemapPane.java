package dev.mcpworkbench.app.ui.payload;

import dev.mcpworkbench.inspector.payload.ByteSizes;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * Weighted boxes as a squarified treemap on a canvas: the biggest subtrees of a node, or the
 * heaviest fields of a list. Clicking a box hands its item to {@link #setOnPick}.
 */
public final class TreemapPane<T> extends Pane {

    /** How an item is drawn: its area, its label, its colour (share 0..1, blue to red) and its tooltip. */
    public interface Boxes<T> {
        double weight(T item);

        String label(T item);

        double share(T item);

        String describe(T item);
    }

    /** The subtrees of a payload node, sized by bytes, coloured by their share of the document's tokens. */
    public static final Boxes<NodeRef> SUBTREES = new Boxes<>() {
        public double weight(NodeRef r) {
            return Math.max(1, r.tree().bytes(r.node()));
        }

        public String label(NodeRef r) {
            return r.label() + " " + ByteSizes.format(r.tree().bytes(r.node()));
        }

        public double share(NodeRef r) {
            return r.tree().share(r.node());
        }

        public String describe(NodeRef r) {
            return r.pointer() + "\n" + ByteSizes.format(r.tree().bytes(r.node())) + ", " + r.tree().tokens(r.node()) + " tokens";
        }
    };

    private final Boxes<T> boxes;
    private final Canvas canvas = new Canvas();
    private final Tooltip tooltip = new Tooltip();
    private List<T> items = List.of();
    private List<Squarify.Rect> rects = List.of();
    private Consumer<T> onPick = r -> { };

    public TreemapPane(Boxes<T> boxes) {
        this.boxes = boxes;
        getChildren().add(canvas);
        getStyleClass().add("payload-treemap");
        setMinSize(100, 80);
        widthProperty().addListener(o -> redraw());
        heightProperty().addListener(o -> redraw());
        canvas.setOnMouseClicked(e -> {
            int i = indexAt(e.getX(), e.getY());
            if (i >= 0) onPick.accept(items.get(i));
        });
        canvas.setOnMouseMoved(e -> {
            int i = indexAt(e.getX(), e.getY());
            tooltip.setText(i < 0 ? "" : boxes.describe(items.get(i)));
            if (i >= 0) Tooltip.install(canvas, tooltip);
            else Tooltip.uninstall(canvas, tooltip);
        });
    }

    public void setOnPick(Consumer<T> pick) {
        this.onPick = pick;
    }

    public void show(List<T> biggestFirst) {
        this.items = biggestFirst;
        redraw();
    }

    public List<T> items() {
        return items;
    }

    private int indexAt(double x, double y) {
        for (int i = 0; i < rects.size(); i++) {
            Squarify.Rect r = rects.get(i);
            if (x >= r.x() && x < r.x() + r.w() && y >= r.y() && y < r.y() + r.h()) return i;
        }
        return -1;
    }

    private void redraw() {
        double w = getWidth();
        double h = getHeight();
        canvas.setWidth(w);
        canvas.setHeight(h);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        rects = Squarify.layout(items.stream().map(boxes::weight).toList(), 0, 0, w, h);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        for (int i = 0; i < rects.size(); i++) {
            Squarify.Rect r = rects.get(i);
            T item = items.get(i);
            g.setFill(Color.hsb(210 - 200 * boxes.share(item), 0.55, 0.85));
            g.fillRect(r.x(), r.y(), r.w(), r.h());
            g.setStroke(Color.WHITE);
            g.strokeRect(r.x(), r.y(), r.w(), r.h());
            if (r.w() > 50 && r.h() > 16) {
                g.setFill(Color.BLACK);
                g.fillText(boxes.label(item), r.x() + 3, r.y() + 2, r.w() - 6);
            }
        }
    }
}
