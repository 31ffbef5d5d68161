package dev.mcpworkbench.app.ui.tools;

import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.SplitPane;

/** The Tools tab: the searchable list beside the selected tool's detail. */
public final class ToolsView extends SplitPane {

    private final ToolListView list = new ToolListView();
    private final ToolDetailView detail;
    private boolean refreshing;

    public ToolsView(Supplier<ToolCaller> caller, Consumer<String> openResource) {
        detail = new ToolDetailView(caller, openResource);
        setId("toolsView");
        getItems().addAll(list, detail);
        setDividerPositions(0.28);
        SplitPane.setResizableWithParent(list, false);
        list.listView().getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (!refreshing) detail.show(now);
        });
    }

    /** Keeps the selected tool (and what the user typed) when a refresh brings the same definition. */
    public void show(ServerSnapshot snapshot) {
        refreshing = true;
        try {
            fill(snapshot);
        } finally {
            refreshing = false;
        }
        detail.show(list.listView().getSelectionModel().getSelectedItem());
    }

    private void fill(ServerSnapshot snapshot) {
        String selected = list.listView().getSelectionModel().getSelectedItem() == null ? null
                : list.listView().getSelectionModel().getSelectedItem().name();
        List<ToolItem> items = snapshot.tools().stream().map(ToolItem::of).toList();
        list.setTools(items);
        if (selected != null) {
            items.stream().filter(t -> t.name().equals(selected)).findFirst()
                    .ifPresent(t -> list.listView().getSelectionModel().select(t));
        }
    }

    public ToolListView list() {
        return list;
    }

    public ToolDetailView detail() {
        return detail;
    }
}
