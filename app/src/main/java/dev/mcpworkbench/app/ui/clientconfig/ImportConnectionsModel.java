package dev.mcpworkbench.app.ui.clientconfig;

import dev.mcpworkbench.app.ui.common.FxTasks;
import dev.mcpworkbench.app.ui.connect.ProfileFields;
import dev.mcpworkbench.app.ui.connect.ProfileNames;
import dev.mcpworkbench.inspector.rules.ConnectionTarget;
import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.ScanContext;
import dev.mcpworkbench.inspector.rules.ScanResult;
import dev.mcpworkbench.inspector.rules.config.ClientConfigEntry;
import dev.mcpworkbench.inspector.rules.config.ClientConfigImporter;
import dev.mcpworkbench.inspector.rules.config.ConfigScanner;
import dev.mcpworkbench.inspector.rules.config.McpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * File > Import connections…: finds the configuration files of the MCP clients on this machine,
 * reads one (through the same {@link ClientConfigImporter} as {@code scan --config}), judges its
 * entries with the configuration rules (CONFIG-001 secret literals, DRIFT-003, TRANSPORT-001)
 * before anything is imported, and turns the chosen entries into connections. Files are read on
 * background threads; the lists change on the FX thread.
 */
public final class ImportConnectionsModel {

    /** A place a client keeps its configuration, and whether a file is there. */
    public record Location(McpClient client, Path file, boolean exists) {
        @Override
        public String toString() {
            return client.label() + " \u2014 " + file + (exists ? "" : "  (not found)");
        }
    }

    /** One entry of the file read: importable or not, its name as a connection, what the rules say. */
    public static final class Row {
        private final ClientConfigEntry entry;
        private final String name;
        private final List<Finding> findings;
        private final BooleanProperty selected;

        Row(ClientConfigEntry entry, String name, List<Finding> findings) {
            this.entry = entry;
            this.name = name;
            this.findings = List.copyOf(findings);
            this.selected = new SimpleBooleanProperty(importable());
        }

        /** A command or a URL: what a connection needs. */
        public boolean importable() {
            ConnectionTarget t = entry.target();
            return t.isStdio() || t.url() != null && !t.url().isBlank();
        }

        public String name() {
            return name;
        }

        public String entryName() {
            return entry.target().name();
        }

        public ProfileFields.Kind kind() {
            return entry.target().isStdio() ? ProfileFields.Kind.STDIO : entry.isSse() ? ProfileFields.Kind.SSE : ProfileFields.Kind.HTTP;
        }

        /** The command line or the URL. */
        public String target() {
            return entry.target().commandLine();
        }

        public List<Finding> findings() {
            return findings;
        }

        public BooleanProperty selectedProperty() {
            return selected;
        }

        /** The connection this entry becomes; header and environment values as written in the file. */
        public ProfileFields fields() {
            ConnectionTarget t = entry.target();
            return switch (kind()) {
                case STDIO -> new ProfileFields(name, ProfileFields.Kind.STDIO, t.command(), t.args(), t.env(), "", "", Map.of(), List.of());
                case HTTP, SSE -> new ProfileFields(name, kind(), "", List.of(), Map.of(), "", t.url(), t.headers(), List.of());
            };
        }
    }

    private final FxTasks tasks;
    private final Collection<String> takenNames;
    private final Function<McpClient, List<Path>> whereClientsKeepConfigs;
    private final ObservableList<Location> locations = FXCollections.observableArrayList();
    /** Ticking a row is a change of the list, so what depends on the choice (the Import button) follows it. */
    private final ObservableList<Row> rows = FXCollections.observableArrayList(r -> new javafx.beans.Observable[] {r.selectedProperty()});
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");

    /** @param takenNames the names existing connections have (imported ones get another) */
    public ImportConnectionsModel(FxTasks tasks, Collection<String> takenNames) {
        this(tasks, takenNames, McpClient::locations);
    }

    /** @param whereClientsKeepConfigs the files to look for, per client (tests point it at a temp dir) */
    public ImportConnectionsModel(FxTasks tasks, Collection<String> takenNames, Function<McpClient, List<Path>> whereClientsKeepConfigs) {
        this.tasks = tasks;
        this.takenNames = List.copyOf(takenNames);
        this.whereClientsKeepConfigs = whereClientsKeepConfigs;
    }

    /** Looks for every client's files, then reads the first one found. */
    public void findLocations() {
        status.set("Looking for client configurations\u2026");
        tasks.run("Looking for client configurations", Duration.ofSeconds(20), () -> {
            List<Location> found = new ArrayList<>();
            for (McpClient client : McpClient.values()) {
                for (Path p : whereClientsKeepConfigs.apply(client)) found.add(new Location(client, p, Files.isRegularFile(p)));
            }
            return found;
        }, found -> {
            locations.setAll(found);
            long present = found.stream().filter(Location::exists).count();
            status.set(present == 0 ? "No client configuration found in the usual places: choose a file."
                    : present + " client configuration(s) found.");
            found.stream().filter(Location::exists).findFirst().ifPresent(l -> read(l.file()));
        }, e -> status.set("Cannot look for client configurations: " + FxTasks.message(e)));
    }

    /** Reads {@code config} and judges its entries; the rows replace those of the previous file. */
    public void read(Path config) {
        file.set(config);
        rows.clear();
        status.set("Reading " + config + "\u2026");
        tasks.run("Reading " + config.getFileName(), Duration.ofSeconds(30), () -> {
            List<ClientConfigEntry> entries = ClientConfigImporter.importEntries(config);
            List<ScanResult> judged = ConfigScanner.scan(entries.stream().map(ClientConfigEntry::target).toList(), ScanContext.defaults());
            List<Row> out = new ArrayList<>();
            List<String> names = new ArrayList<>(takenNames);
            for (int i = 0; i < entries.size(); i++) {
                String base = entries.get(i).target().name().isBlank() ? "imported" : entries.get(i).target().name();
                String name = ProfileNames.free(base, names);
                names.add(name);
                out.add(new Row(entries.get(i), name, judged.get(i).findings()));
            }
            return out;
        }, read -> {
            if (!config.equals(file.get())) return; // another file was chosen meanwhile
            rows.setAll(read);
            long secrets = read.stream().flatMap(r -> r.findings().stream()).filter(f -> f.ruleId().equals("CONFIG-001")).count();
            status.set(read.size() + " server(s) in " + config.getFileName()
                    + (secrets == 0 ? "" : " \u00b7 " + secrets + " secret(s) written literally (CONFIG-001): they are imported as they are"));
        }, e -> {
            if (config.equals(file.get())) status.set("Cannot read " + config + ": " + FxTasks.message(e));
        });
    }

    /** The connections the chosen rows become. */
    public List<ProfileFields> chosen() {
        return rows.stream().filter(r -> r.importable() && r.selectedProperty().get()).map(Row::fields).toList();
    }

    public ObservableList<Location> locations() {
        return locations;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    public StringProperty statusProperty() {
        return status;
    }
}
