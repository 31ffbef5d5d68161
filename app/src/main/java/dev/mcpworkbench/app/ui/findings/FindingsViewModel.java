package dev.mcpworkbench.app.ui.findings;

import dev.mcpworkbench.inspector.rules.Category;
import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.Rule;
import dev.mcpworkbench.inspector.rules.RuleMetadata;
import dev.mcpworkbench.inspector.rules.ScanResult;
import dev.mcpworkbench.inspector.rules.ScanSummary;
import dev.mcpworkbench.inspector.rules.catalog.AllRules;
import dev.mcpworkbench.inspector.rules.suppress.Suppression;
import dev.mcpworkbench.inspector.rules.suppress.Suppressions;
import dev.mcpworkbench.inspector.rules.Severity;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the findings screen: all findings of the current scan, the user's filters and grouping,
 * the visible rows, the selection, and the suppress / unsuppress commands. Call it on the FX
 * thread; saving suppressions runs on {@code background} and reports back through {@code ui}.
 */
public final class FindingsViewModel {

    private static final Comparator<FindingItem> ROW_ORDER = Comparator
            .comparing((FindingItem i) -> i.suppressed())
            .thenComparing(i -> i.finding().severity())
            .thenComparing(i -> i.finding().ruleId())
            .thenComparing(i -> i.finding().location().display());

    private final Executor background;
    private final Executor ui;
    private final ObservableList<FindingItem> all = FXCollections.observableArrayList();
    /**
     * {@link #all} as of its last change, for readers on any thread (a background export, a test
     * waiting for a scan): copying the live list while the FX thread changed it failed with a
     * ConcurrentModificationException. Kept by the first listener of {@link #all}, so listeners
     * registered after it read the new state.
     */
    private volatile List<FindingItem> allSnapshot = List.of();

    {
        all.addListener((javafx.collections.ListChangeListener<FindingItem>) change -> allSnapshot = List.copyOf(all));
    }
    private final ObservableList<FindingItem> visible = FXCollections.observableArrayList();
    private final ObservableList<FindingItem> readOnlyVisible = FXCollections.unmodifiableObservableList(visible);
    private final ObservableList<String> tools = FXCollections.observableArrayList();
    private final ObjectProperty<Set<Severity>> severities = new SimpleObjectProperty<>(EnumSet.allOf(Severity.class));
    private final ObjectProperty<Set<Category>> categories = new SimpleObjectProperty<>(EnumSet.allOf(Category.class));
    private final StringProperty tool = new SimpleStringProperty("");
    private final StringProperty search = new SimpleStringProperty("");
    private final BooleanProperty showSuppressed = new SimpleBooleanProperty(true);
    private final ObjectProperty<Grouping> grouping = new SimpleObjectProperty<>(Grouping.NONE);
    private final ObjectProperty<FindingItem> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<ServerSnapshot> snapshot = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper storageNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ScanSummary> summary = new ReadOnlyObjectWrapper<>();
    private Suppressions suppressions = Suppressions.none();
    private final BooleanProperty exporting = new SimpleBooleanProperty(false);
    private SuppressionStore store = new InMemorySuppressions();
    private java.util.concurrent.CompletableFuture<Void> saving = java.util.concurrent.CompletableFuture.completedFuture(null);
    private ReportRenderer renderer;
    /** Findings of the dynamic rules on tool results of this session (calls made by hand), in the order found. */
    private final List<Finding> dynamic = new ArrayList<>();
    private Function<String, RuleMetadata> lastRules = id -> null;

    public FindingsViewModel(Executor background, Executor ui) {
        this.background = background;
        this.ui = ui;
        severities.addListener((o, a, b) -> refilter());
        categories.addListener((o, a, b) -> refilter());
        tool.addListener((o, a, b) -> refilter());
        search.addListener((o, a, b) -> refilter());
        showSuppressed.addListener((o, a, b) -> refilter());
    }

    /** Uses the suppressions of {@code newStore} (a connection profile) from now on. */
    public void useSuppressionStore(SuppressionStore newStore) {
        store = newStore;
        suppressions = newStore.load();
        storageNote.set(newStore.where());
        all.setAll(all.stream().map(i -> i.withSuppression(reasonFor(i.finding()))).toList());
        refilter();
    }

    /**
     * Shows one scan: its active and its suppressed findings (suppression state then follows this
     * view's store, so a scan run without the profile's suppressions still shows them accepted).
     */
    public void show(ServerSnapshot scanned, ScanResult result) {
        Map<String, RuleMetadata> rules = new java.util.HashMap<>();
        result.rules().forEach(r -> rules.put(r.id(), r.metadata()));
        List<Finding> findings = new ArrayList<>(result.findings());
        result.suppressed().forEach(s -> findings.add(s.finding()));
        summary.set(result.summary());
        show(scanned, findings, id -> rules.computeIfAbsent(id,
                k -> AllRules.metadata(k).orElse(null)));
    }

    private static final Map<String, RuleMetadata> DYNAMIC_RULES = dev.mcpworkbench.inspector.rules.dynamic
            .DynamicRuleRegistry.standard().all().stream()
            .collect(java.util.stream.Collectors.toMap(Rule::id, Rule::metadata, (a, b) -> a));

    private RuleMetadata metadata(String ruleId) {
        RuleMetadata known = lastRules.apply(ruleId);
        return known != null ? known : DYNAMIC_RULES.get(ruleId);
    }

    private String reasonFor(Finding finding) {
        return suppressions.matching(finding).map(Suppression::reason).orElse(null);
    }

    /** Shows the findings of one scan; {@code rules} looks up rule metadata by id (null if unknown). */
    public void show(ServerSnapshot scanned, List<Finding> findings, Function<String, RuleMetadata> rules) {
        snapshot.set(scanned);
        lastRules = rules;
        List<Finding> shown = new ArrayList<>(findings);
        shown.addAll(dynamic);
        fill(shown);
    }

    /**
     * Adds the dynamic rules' findings on a tool result (a call made by hand) to this session's
     * findings; one already there (same rule, location and evidence) is not added twice.
     *
     * @return how many were new
     */
    public int addDynamic(List<Finding> found) {
        java.util.Set<DynamicKey> known = new java.util.HashSet<>();
        dynamic.forEach(f -> known.add(DynamicKey.of(f)));
        List<Finding> added = found.stream().filter(f -> known.add(DynamicKey.of(f))).toList();
        if (added.isEmpty()) return 0;
        dynamic.addAll(added);
        List<Finding> shown = new ArrayList<>(all.stream().map(FindingItem::finding).toList());
        shown.addAll(added);
        fill(shown);
        return added.size();
    }

    private record DynamicKey(String ruleId, dev.mcpworkbench.inspector.rules.Location location, String evidence) {
        static DynamicKey of(Finding f) {
            return new DynamicKey(f.ruleId(), f.location(), f.evidence());
        }
    }

    /** The dynamic findings of this session, for exports. */
    public List<Finding> dynamicFindings() {
        return List.copyOf(dynamic);
    }

    /**
     * Another server came on screen: no finding, filter, search or selection of the previous one
     * stays (the grouping, a way of looking, does).
     */
    public void startOver() {
        dynamic.clear();
        snapshot.set(null);
        summary.set(null);
        all.clear();
        tools.clear();
        severities.set(EnumSet.allOf(Severity.class));
        categories.set(EnumSet.allOf(Category.class));
        tool.set("");
        search.set("");
        showSuppressed.set(true);
        selected.set(null);
        status.set("");
        refilter();
    }

    private void fill(List<Finding> findings) {
        all.setAll(findings.stream()
                .map(f -> new FindingItem(f, metadata(f.ruleId()), reasonFor(f)))
                .sorted(ROW_ORDER)
                .toList());
        tools.setAll(all.stream().map(FindingItem::toolName).filter(n -> !n.isEmpty())
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
        if (!tool.get().isEmpty() && !tools.contains(tool.get())) tool.set("");
        refilter();
    }

    public void suppress(FindingItem item, String reason) {
        String trimmed = reason == null ? "" : reason.strip();
        if (trimmed.isEmpty()) throw new IllegalArgumentException("A suppression needs a reason.");
        suppressions = suppressions.with(Suppression.of(item.finding(), trimmed));
        replace(item, item.withSuppression(trimmed));
        persist("Suppressed " + item.finding().ruleId() + ".");
    }

    public void unsuppress(FindingItem item) {
        suppressions = suppressions.without(item.finding().fingerprint());
        replace(item, item.withSuppression(null));
        persist("Restored " + item.finding().ruleId() + ".");
    }

    public void useReportRenderer(ReportRenderer reportRenderer) {
        renderer = reportRenderer;
    }

    public boolean canExport() {
        return renderer != null && snapshot.get() != null;
    }

    /**
     * Writes the whole scan (every finding, suppressed ones marked) as {@code format} to
     * {@code target}, off the FX thread; the outcome lands in the status property.
     */
    public void export(ExportFormat format, java.nio.file.Path target) {
        if (!canExport()) {
            status.set("Nothing to export yet: connect and scan first.");
            return;
        }
        ServerSnapshot scanned = snapshot.get();
        Suppressions reasons = suppressions;
        ReportRenderer using = renderer;
        List<Finding> fromCalls = List.copyOf(dynamic);
        exporting.set(true);
        status.set("Writing " + format.label() + " report…");
        background.execute(() -> {
            String outcome;
            try {
                String text = using.render(format, scanned, reasons, fromCalls);
                dev.mcpworkbench.inspector.io.AtomicFiles.write(target, text);
                outcome = "Wrote " + format.label() + " report to " + target + ".";
            } catch (java.io.IOException | RuntimeException e) {
                outcome = "Could not write the report: " + e.getMessage();
            }
            String message = outcome;
            ui.execute(() -> {
                exporting.set(false);
                status.set(message);
            });
        });
    }

    public javafx.beans.property.ReadOnlyBooleanProperty exportingProperty() {
        return exporting;
    }

    /** The visible rows grouped as the grouping property says (one "" group when flat). */
    public Map<String, List<FindingItem>> groups() {
        Map<String, List<FindingItem>> groups = new LinkedHashMap<>();
        Function<FindingItem, String> key = switch (grouping.get()) {
            case NONE -> i -> "";
            case RULE -> FindingItem::ruleLabel;
            case TOOL -> FindingItem::itemLabel;
        };
        // Worst group first (an active critical beats any number of lows), then the bigger group.
        Map<String, List<FindingItem>> byKey = new java.util.HashMap<>();
        visible.stream().sorted(ROW_ORDER).forEach(i -> byKey.computeIfAbsent(key.apply(i), k -> new ArrayList<>()).add(i));
        byKey.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, List<FindingItem>> e) -> worstActive(e.getValue()))
                        .thenComparing(e -> -e.getValue().size())
                        .thenComparing(Map.Entry::getKey))
                .forEach(e -> groups.put(e.getKey(), e.getValue()));
        return groups;
    }

    private static int worstActive(List<FindingItem> items) {
        return items.stream().map(i -> i.suppressed() ? Severity.values().length : i.finding().severity().ordinal())
                .min(Integer::compare).orElse(Severity.values().length);
    }

    /** Active (not suppressed) findings per severity, over all findings regardless of filters. */
    public Map<Severity, Integer> countsBySeverity() {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) counts.put(s, 0);
        all.stream().filter(i -> !i.suppressed()).forEach(i -> counts.merge(i.finding().severity(), 1, Integer::sum));
        return counts;
    }

    /** Worst active severity per tool name, for the badges of the tool list. */
    public Map<String, ToolBadges.Tally> toolTallies() {
        return ToolBadges.tally(all.stream().filter(i -> !i.suppressed()).map(FindingItem::finding).toList());
    }

    /** Every finding of the current scan, whatever the filters; safe to call from any thread. */
    public List<FindingItem> allItems() {
        return allSnapshot;
    }

    private void replace(FindingItem old, FindingItem updated) {
        int index = all.indexOf(old);
        if (index >= 0) all.set(index, updated);
        boolean wasSelected = old.equals(selected.get());
        refilter();
        if (wasSelected) selected.set(updated);
    }

    /** Saves in the order the user acted, so a slow earlier save never overwrites a later one. */
    private void persist(String done) {
        Suppressions copy = suppressions;
        SuppressionStore target = store;
        saving = saving.thenRunAsync(() -> {
            try {
                target.save(copy);
                ui.execute(() -> status.set(done + " " + target.where()));
            } catch (java.io.IOException | RuntimeException e) {
                ui.execute(() -> status.set("Could not save suppressions: " + e.getMessage()));
            }
        }, background);
    }

    private void refilter() {
        String needle = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        visible.setAll(all.stream().filter(i -> matches(i, needle)).sorted(ROW_ORDER).toList());
        if (selected.get() != null && !visible.contains(selected.get())) selected.set(null);
    }

    private boolean matches(FindingItem item, String needle) {
        Finding f = item.finding();
        if (!severities.get().contains(f.severity())) return false;
        Optional<Category> category = item.category();
        if (category.isPresent() && !categories.get().contains(category.get())) return false;
        if (!tool.get().isEmpty() && !tool.get().equals(item.toolName())) return false;
        if (item.suppressed() && !showSuppressed.get()) return false;
        if (needle.isEmpty()) return true;
        String haystack = (f.ruleId() + ' ' + f.message() + ' ' + f.location().display() + ' '
                + item.ruleMetadata().map(RuleMetadata::title).orElse("")).toLowerCase(Locale.ROOT);
        return haystack.contains(needle);
    }

    public ObservableList<FindingItem> visibleItems() {
        return readOnlyVisible;
    }

    public ObservableList<String> toolNames() {
        return FXCollections.unmodifiableObservableList(tools);
    }

    public ObjectProperty<Set<Severity>> severitiesProperty() {
        return severities;
    }

    public ObjectProperty<Set<Category>> categoriesProperty() {
        return categories;
    }

    /** "" means every tool. */
    public StringProperty toolProperty() {
        return tool;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public BooleanProperty showSuppressedProperty() {
        return showSuppressed;
    }

    public ObjectProperty<Grouping> groupingProperty() {
        return grouping;
    }

    public ObjectProperty<FindingItem> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<ServerSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    /** Summary of the last scan shown (tool-list tokens, schema tightness...), or null. */
    public ReadOnlyObjectProperty<ScanSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public Suppressions suppressions() {
        return suppressions;
    }

    /** Where suppressions are saved (the connection profile, or this session only), for the user. */
    public ReadOnlyStringProperty storageNoteProperty() {
        return storageNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Suppressions kept only in memory, before any server is shown. */
    static final class InMemorySuppressions implements SuppressionStore {
        private volatile Suppressions saved = Suppressions.none();

        @Override
        public Suppressions load() {
            return saved;
        }

        @Override
        public void save(Suppressions suppressions) {
            saved = suppressions;
        }
    }
}
