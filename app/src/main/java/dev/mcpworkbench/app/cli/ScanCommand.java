package dev.mcpworkbench.app.cli;

import dev.mcpworkbench.app.auth.OAuthFindingMapper;
import dev.mcpworkbench.inspector.rules.catalog.StaticRules;
import dev.mcpworkbench.inspector.rules.catalog.WorkspaceScan;
import dev.mcpworkbench.inspector.connect.ConnectOptions;
import dev.mcpworkbench.inspector.connect.McpConnection;
import dev.mcpworkbench.inspector.connect.McpConnectionException;
import dev.mcpworkbench.inspector.connect.ServerTarget;
import dev.mcpworkbench.inspector.profile.ConnectionProfile;
import dev.mcpworkbench.inspector.profile.ProfileAnalysisState;
import dev.mcpworkbench.inspector.profile.ProfileStore;
import dev.mcpworkbench.app.secrets.SecretStorage;
import java.util.prefs.Preferences;
import dev.mcpworkbench.inspector.report.ReportFormat;
import dev.mcpworkbench.inspector.rules.ConnectionTarget;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import dev.mcpworkbench.inspector.report.Reports;
import dev.mcpworkbench.inspector.report.SarifArtifact;
import dev.mcpworkbench.inspector.rules.ScanContext;
import dev.mcpworkbench.inspector.rules.ScanResult;
import dev.mcpworkbench.inspector.rules.ServerSection;
import dev.mcpworkbench.inspector.rules.Severity;
import dev.mcpworkbench.inspector.rules.Baseline;
import dev.mcpworkbench.inspector.rules.drift.Pins;
import dev.mcpworkbench.inspector.rules.suppress.Suppressions;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;
import dev.mcpworkbench.oauth.flow.FlowException;
import dev.mcpworkbench.oauth.flow.FlowTrace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code mcp-workbench scan}: static scan of a server snapshot (or a client configuration) into a
 * SARIF, JSON, Markdown or HTML report. Exit 0 when nothing reaches --fail-on, 1 when something
 * does, 2 on a usage or input error.
 */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Scan an MCP server's definitions with the static rules and write a report.",
                "Exit codes: 0 nothing at --fail-on, 1 findings at --fail-on, 2 usage or connection error."})
public final class ScanCommand implements Callable<Integer> {

    static final class Source {
        @Option(names = "--snapshot", paramLabel = "FILE|DIR", arity = "1..*",
                description = "Server snapshots (corpus format JSON); a folder stands for every *.json in it. "
                        + "Several are scanned as one workspace: each judged knowing the others, one report.")
        List<Path> snapshots;

        @Option(names = "--stdio", paramLabel = "CMD ARGS", description = "Launch the server over stdio with this command line.")
        String stdio;

        @Option(names = "--url", paramLabel = "URL", description = "Connect over Streamable HTTP (or SSE) to this URL.")
        String url;

        @Option(names = "--profile", paramLabel = "NAME",
                description = "A connection saved in the desktop app: connects to its server and applies its suppressions and DRIFT-001 pin.")
        String profile;

        @Option(names = "--config", paramLabel = "FILE",
                description = "An MCP client config (mcp.json, Claude Desktop, VS Code, Cursor): checks every entry for secrets, unpinned launches and cleartext URLs without connecting. "
                        + "Repeatable: several clients' configs in one report.")
        List<Path> configs;

        @Option(names = "--discover",
                description = "Find the usual client configs (Claude Desktop, Claude Code, Cursor, VS Code, Windsurf) of this user and of the working folder, list them "
                        + "and check them as with --config; connects only with --connect.")
        boolean discover;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--header", paramLabel = "K:V", description = "HTTP header for --url (repeatable).")
    List<String> headers = new ArrayList<>();

    @Option(names = "--format", defaultValue = "sarif", paramLabel = "FORMAT", description = "sarif (default), json, markdown or html.")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report here instead of standard output.")
    Path output;

    @Option(names = "--fail-on", defaultValue = "high", paramLabel = "SEVERITY",
            description = "Exit 1 when a finding is at least this severe: critical, high (default), medium, low.")
    String failOn;

    @Option(names = "--baseline", paramLabel = "FILE", description = "A pinned baseline (JSON) to compare with (DRIFT-001).")
    Path baseline;

    @Option(names = "--pin", paramLabel = "FILE", description = "Also write the scanned definitions as a new baseline to FILE.")
    Path pin;

    @Option(names = "--suppressions", paramLabel = "FILE", description = "Accepted findings (JSON: {\"items\": [{fingerprint, reason}]}).")
    Path suppressions;

    @Option(names = "--exercise", description = "Also call the server's tools (read-only ones unless --allow-writes) and run the dynamic rules on the answers; needs --stdio or --url.")
    boolean exercise;

    @Option(names = "--allow-writes", description = "With --exercise: call every tool, not only those annotated readOnlyHint: true.")
    boolean allowWrites;

    @Option(names = "--calls", paramLabel = "FILE", description = "With --exercise: make exactly these calls (JSON array of {\"tool\", \"arguments\"}).")
    Path calls;

    @Option(names = "--probe-inputs", description = "With --exercise: also send invalid inputs to read-only/idempotent tools to check the schema is enforced (SCHEMA-007).")
    boolean probeInputs;

    @Option(names = "--exercise-limit", paramLabel = "SECONDS", defaultValue = "600",
            description = "With --exercise: how long all the tool calls together may take; the calls left when it runs out "
                    + "are skipped and the report's errors say so (default: ${DEFAULT-VALUE}). Each call also has --timeout.")
    int exerciseLimitSeconds;

    @Option(names = "--cloak-check-client", paramLabel = "NAME", defaultValue = "claude-ai",
            description = "With --exercise: also list tools in a second session whose clientInfo.name is NAME and compare "
                    + "(DRIFT-002 cloaking); 'none' skips it (default: ${DEFAULT-VALUE}).")
    String cloakCheckClient;

    @picocli.CommandLine.Mixin
    AuthOptions authOptions;

    @picocli.CommandLine.Mixin
    LimitOptions limitOptions = new LimitOptions();

    @picocli.CommandLine.Mixin
    RuleSettingOptions ruleSettings = new RuleSettingOptions();

    @Option(names = "--connect", description = "With --config: also connect to every configured server and scan them together, "
            + "so cross-server rules (shadowing, references, toxic flows, the workspace token budget) see them all.")
    boolean connect;

    @Spec
    CommandSpec spec;

    /** Set when the scan read a snapshot file: SARIF results then point into it. */
    private SarifArtifact sarifArtifact;

    @Override
    public Integer call() {
        PrintWriter err = Terminal.err(spec);
        try {
            ReportFormat reportFormat = ReportFormat.parse(format);
            Severity threshold = parseThreshold(failOn);
            ScanContext context = context(err);
            boolean liveServer = source.stdio != null || source.url != null || source.profile != null;
            limitOptions.validate();
            authOptions.checkApplies(source.url != null || (source.profile != null && !(liveTarget() instanceof ServerTarget.Stdio)));
            boolean configs = source.configs != null || source.discover;
            if (connect && !configs) throw new IllegalArgumentException("--connect goes with --config FILE or --discover");
            if (home != null && !source.discover) throw new IllegalArgumentException("--home goes with --discover");
            if (exercise) {
                if (!liveServer) throw new IllegalArgumentException("--exercise needs a live server: --stdio CMD, --url URL or --profile NAME");
                ServerTarget target = liveTarget();
                FlowTrace trace = new FlowTrace();
                ConnectOptions options = connectOptions(target, trace, err);
                ScanContext live = context.withTarget(connectionTarget(target)).withExtraFindings(OAuthFindingMapper.toFindings(trace.findings()));
                return finish(List.of(LiveExercise.run(target, exerciseOptions(), live, options, timeout())), reportFormat, threshold, err);
            }
            List<ScanResult> results = new ArrayList<>();
            if (liveServer) {
                ServerTarget target = liveTarget();
                FlowTrace trace = new FlowTrace();
                ServerSnapshot snapshot = connectAndSnapshot(target, connectOptions(target, trace, err));
                // the flow's findings (those of a refresh or step-up during the listing too) join the report
                results.add(StaticRules.scan(snapshot, context.withTarget(connectionTarget(target))
                        .withExtraFindings(OAuthFindingMapper.toFindings(trace.findings()))));
                if (pin != null) SnapshotJson.writeValue(Pins.pin(snapshot), pin);
            } else if (configs) {
                ConfigSources sources = source.discover
                        ? ConfigSources.discover(home != null ? home : Path.of(System.getProperty("user.home")), Path.of("").toAbsolutePath(), err)
                        : ConfigSources.of(source.configs);
                if (sources.configurations() == 0 && source.discover && sources.errors().isEmpty()) return 2; // the places looked at are listed
                if (sources.configurations() == 0 && !sources.errors().isEmpty()) {
                    throw new IllegalArgumentException("no client configuration could be read: " + String.join("; ", sources.errors()));
                }
                ConfigServers.Scanned scanned = ConfigServers.scan(sources.entries(), context, connect, baseConnectOptions());
                ScanResult combined = ScanResult.combine(sources.label(source.configs), scanned.results());
                List<String> errors = new ArrayList<>(sources.errors());
                errors.addAll(combined.errors());
                results.add(combined.withErrors(errors).withServers(scanned.sections()));
            } else if (SnapshotSet.isWorkspace(source.snapshots)) {
                results.add(scanSnapshots(context));
            } else {
                Path file = source.snapshots.get(0);
                ServerSnapshot snapshot = SnapshotJson.read(file, snapshotLimit());
                results.add(StaticRules.scan(snapshot, context));
                sarifArtifact = SarifArtifact.ofSnapshotFile(relativeToWorkingDirectory(file), file);
                if (pin != null) SnapshotJson.writeValue(Pins.pin(snapshot), pin);
            }
            return finish(results, reportFormat, threshold, err);
        } catch (NoSuchFileException e) {
            err.println("mcp-workbench: no such file: " + e.getFile());
            return 2;
        } catch (McpConnectionException e) {
            err.println("mcp-workbench: could not scan the server: " + e.getMessage());
            return 2;
        } catch (FlowException e) {
            err.println("mcp-workbench: could not authorize with the server: " + e.getMessage());
            return 2;
        } catch (IOException | IllegalArgumentException e) {
            err.println("mcp-workbench: " + e.getMessage());
            return 2;
        }
    }

    /**
     * Several snapshots (or a folder of them) as one workspace: the cross-server rules see them all,
     * one combined report, files that cannot be read listed in its errors.
     */
    private ScanResult scanSnapshots(ScanContext context) throws IOException {
        // one pin or one baseline describes one server: with several it would be wrong for all but one
        if (pin != null) throw new IllegalArgumentException("--pin takes a single --snapshot FILE, not several");
        if (baseline != null) throw new IllegalArgumentException("--baseline takes a single --snapshot FILE, not several");
        SnapshotSet set = SnapshotSet.read(source.snapshots, snapshotLimit());
        if (set.servers().isEmpty()) throw new IllegalArgumentException("no snapshot could be read: " + String.join("; ", set.errors()));
        List<ScanContext> contexts = java.util.Collections.nCopies(set.servers().size(), context);
        List<ScanResult> perServer = WorkspaceScan.scan(set.servers(), contexts);
        ScanResult combined = ScanResult.combine(set.servers().size() + " servers", perServer);
        List<String> errors = new ArrayList<>(set.errors());
        errors.addAll(combined.errors());
        return combined.withErrors(errors).withServers(sections(set, perServer));
    }

    /** One section per snapshot file in the order given, an unreadable one with its error; none for a single file. */
    private static List<ServerSection> sections(SnapshotSet set, List<ScanResult> perServer) {
        if (set.files().size() + set.unreadable().size() < 2) return List.of();
        List<String> labels = WorkspaceScan.labels(set.servers());
        Map<Path, ServerSection> byFile = new java.util.HashMap<>();
        for (int i = 0; i < set.servers().size(); i++) {
            byFile.put(set.files().get(i), ServerSection.scanned(labels.get(i), set.files().get(i).toString(), "snapshot",
                    set.servers().get(i), perServer.get(i)));
        }
        for (int i = 0; i < set.unreadable().size(); i++) {
            Path file = set.unreadable().get(i);
            String error = set.errors().get(i);
            String prefix = "could not read " + file + ": ";
            byFile.put(file, ServerSection.failed(file.getFileName().toString(), file.toString(), "snapshot", null,
                    error.startsWith(prefix) ? error.substring(prefix.length()) : error));
        }
        List<ServerSection> sections = new ArrayList<>();
        for (Path file : set.order()) sections.add(byFile.get(file));
        return sections;
    }

    private dev.mcpworkbench.inspector.rules.dynamic.exercise.ExerciseOptions exerciseOptions() throws IOException {
        var options = dev.mcpworkbench.inspector.rules.dynamic.exercise.ExerciseOptions.readOnly()
                .withAllowWrites(allowWrites).withProbeInputs(probeInputs)
                .withOverallLimit(Duration.ofSeconds(Math.max(1, exerciseLimitSeconds)))
                .withCloakCheckClient("none".equalsIgnoreCase(cloakCheckClient) ? null : cloakCheckClient);
        return calls == null ? options : options.withCalls(dev.mcpworkbench.inspector.rules.dynamic.exercise.ExerciseOptions.readCalls(calls));
    }

    private int finish(List<ScanResult> results, ReportFormat reportFormat, Severity threshold, PrintWriter err) throws IOException {
        {
            // streamed: a report of a huge server is never one string in memory
            ScanResult result = results.get(0);
            String version = WorkbenchCli.class.getPackage().getImplementationVersion();
            SarifArtifact artifact = sarifArtifact != null ? sarifArtifact : SarifArtifact.placeholder(result.summary().serverName());
            if (output == null) {
                PrintWriter out = Terminal.out(spec);
                Reports.write(result, reportFormat, version, artifact, out);
                out.flush();
            } else {
                dev.mcpworkbench.inspector.io.AtomicFiles.write(output, stream -> Reports.write(result, reportFormat, version, artifact, stream));
            }
            boolean failed = false;
            for (ScanResult r : results) {
                err.println("mcp-workbench: " + r.summary().oneLine());
                // several servers: a line for each, and one for what was found across them
                for (ServerSection server : r.servers()) err.println("mcp-workbench:   " + server.oneLine());
                if (!r.servers().isEmpty()) {
                    int across = r.workspaceFindings().size();
                    err.println("mcp-workbench:   across servers: " + across + (across == 1 ? " finding" : " findings"));
                }
                failed |= r.hasFindingsAtLeast(threshold);
            }
            return failed ? 1 : 0;
        }
    }

    private ScanContext context(PrintWriter err) throws IOException {
        ScanContext context = ScanContext.defaults().withSettings(ruleSettings.settings());
        if (source.profile != null) {
            // the same suppressions and pin the app shows for this connection; files given on the command line win
            ProfileAnalysisState state = ProfileAnalysisState.of(savedProfile());
            state.warnings().forEach(w -> err.println("mcp-workbench: " + w));
            context = context.withSuppressions(state.suppressions());
            if (state.pin().isPresent()) context = context.withBaseline(state.pin().get());
        }
        if (baseline != null) context = context.withBaseline(SnapshotJson.MAPPER.readValue(baseline.toFile(), Baseline.class));
        if (suppressions != null) context = context.withSuppressions(SnapshotJson.MAPPER.readValue(suppressions.toFile(), Suppressions.class));
        return context;
    }

    @Option(names = "--max-snapshot-size", paramLabel = "SIZE",
            description = "Largest snapshot file read: bytes, or with KiB, MiB or GiB. Default: 1GiB (or -D"
                    + SnapshotJson.MAX_BYTES_PROPERTY + "=BYTES).")
    String maxSnapshotSize;

    private long snapshotLimit() {
        return maxSnapshotSize == null ? SnapshotJson.maxBytes() : LimitOptions.bytes("--max-snapshot-size", maxSnapshotSize);
    }

    @Option(names = "--home", paramLabel = "DIR",
            description = "With --discover: look for the user's client configs under DIR instead of your home folder (a copied profile, another account).")
    Path home;

    @Option(names = "--config-dir", paramLabel = "DIR",
            description = "With --profile: the folder holding profiles.json (default: the desktop app's config folder).")
    Path configDir;

    /** The saved connection named by --profile, read once. */
    private ConnectionProfile savedProfile;

    private ConnectionProfile savedProfile() throws IOException {
        if (savedProfile == null) {
            // the desktop keeps saved connections' secrets in the OS keychain: the same store reads them back
            SecretStorage secrets = SecretStorage.forUser(Preferences.userRoot().node(SecretStorage.PREFERENCES_NODE));
            ProfileStore store = new ProfileStore(configDir == null ? ProfileStore.userConfigDirectory() : configDir, secrets);
            ProfileStore.LoadResult loaded = store.load();
            // a value the keychain lacks is named (never shown); the scan goes on without it
            loaded.warning().ifPresent(w -> Terminal.err(spec).println("mcp-workbench: " + w));
            savedProfile = loaded.profiles().stream().filter(p -> p.name().equals(source.profile)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no saved connection named '" + source.profile + "' in " + store.file()));
        }
        return savedProfile;
    }

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Limit for connecting and for each request to a live server (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--sse", description = "The --url is a legacy HTTP+SSE endpoint (MCP 2024-11-05).")
    boolean sse;

    private ServerTarget liveTarget() throws IOException {
        if (source.profile != null) {
            if (!headers.isEmpty() || sse) throw new IllegalArgumentException("--header and --sse come from the saved connection with --profile");
            return savedProfile().target();
        }
        if (source.stdio != null) {
            if (!headers.isEmpty() || sse) throw new IllegalArgumentException("--header and --sse apply to --url only");
            return ServerTarget.Stdio.parse(source.stdio);
        }
        Map<String, String> headerMap = new LinkedHashMap<>();
        for (String header : headers) {
            int colon = header.indexOf(':');
            if (colon <= 0) throw new IllegalArgumentException("A header must look like NAME:VALUE, got \"" + header + "\"");
            headerMap.put(header.substring(0, colon).strip(), header.substring(colon + 1).strip());
        }
        URI uri;
        try {
            uri = new URI(source.url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a URL: " + source.url);
        }
        return sse ? new ServerTarget.Sse(uri, headerMap) : new ServerTarget.StreamableHttp(uri, headerMap);
    }

    private Duration timeout() {
        return Duration.ofSeconds(Math.max(1, timeoutSeconds));
    }

    /** The timeouts and limits of the command line. */
    private ConnectOptions baseConnectOptions() {
        return limitOptions.apply(ConnectOptions.defaults().withConnectTimeout(timeout()).withRequestTimeout(timeout()));
    }

    /** Timeouts and limits, and with --auth the OAuth hook (after the probe and, when the server asks, the flow). */
    private ConnectOptions connectOptions(ServerTarget target, FlowTrace trace, PrintWriter err) throws FlowException {
        ConnectOptions options = baseConnectOptions();
        URI url = switch (target) {
            case ServerTarget.StreamableHttp h -> h.url();
            case ServerTarget.Sse h -> h.url();
            case ServerTarget.Stdio s -> null;
        };
        return url == null ? options : authOptions.authorize(url, options, err, timeout(), trace);
    }

    private static ServerSnapshot connectAndSnapshot(ServerTarget target, ConnectOptions options) throws McpConnectionException {
        try (McpConnection connection = McpConnection.open(target, options)) {
            return connection.snapshot();
        }
    }

    private static ConnectionTarget connectionTarget(ServerTarget target) {
        return dev.mcpworkbench.app.scan.ConnectionTargets.of(target);
    }

    /** SARIF wants a path relative to the repository; in CI the working directory is its root. */
    private static String relativeToWorkingDirectory(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        return absolute.startsWith(cwd) ? cwd.relativize(absolute).toString() : file.getFileName().toString();
    }

    static Severity parseThreshold(String text) {
        try {
            Severity s = Severity.parse(text);
            if (s == Severity.INFO) throw new IllegalArgumentException("--fail-on takes critical, high, medium or low");
            return s;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--fail-on takes critical, high, medium or low, not '" + text + "'");
        }
    }
}
