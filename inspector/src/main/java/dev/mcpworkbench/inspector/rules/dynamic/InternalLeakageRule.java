package dev.mcpworkbench.inspector.rules.dynamic;

import dev.mcpworkbench.inspector.rules.Category;
import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.RuleMetadata;
import dev.mcpworkbench.inspector.rules.RuleSetting;
import dev.mcpworkbench.inspector.rules.RuleSettings;
import dev.mcpworkbench.inspector.rules.Severity;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** OUTPUT-006: stack traces, private addresses, absolute paths, connection strings in outputs. */
public final class InternalLeakageRule implements StringRule {

    private static final RuleMetadata METADATA = new RuleMetadata("OUTPUT-006", "Internal leakage", Category.OUTPUT,
            Severity.MEDIUM, List.of("MCP10"),
            "Stack traces, internal addresses, file paths and connection strings map the server's insides for "
                    + "whoever reads the transcript, and a prompt injection can ask the model to go and probe them.",
            true);

    /** {@code anchors}: literals one of which every match contains (see {@link Anchors}). */
    private record Leak(String label, Pattern pattern, Anchors.Literals anchors) {
    }

    private static final List<Leak> LEAKS = List.of(
            new Leak("JavaScript stack trace", Pattern.compile("\\n\\s+at (?:[\\w.<>$]+ )?\\(?(?:file://)?/?[\\w./-]+\\.[cm]?[jt]s:\\d+:\\d+\\)?"),
                    Anchors.Literals.exact("js:", "ts:")),
            new Leak("Python traceback", Pattern.compile("Traceback \\(most recent call last\\):"),
                    Anchors.Literals.exact("Traceback")),
            new Leak("Java stack trace", Pattern.compile("\\bat [\\w$.]+\\([\\w$]+\\.(?:java|kt):\\d+\\)"),
                    Anchors.Literals.exact(".java:", ".kt:")),
            new Leak("Private or link-local IP address", Pattern.compile(
                    "(?<![\\d.])(?:10\\.\\d{1,3}|172\\.(?:1[6-9]|2\\d|3[01])|192\\.168|169\\.254)\\.\\d{1,3}\\.\\d{1,3}(?![\\d.])"),
                    Anchors.Literals.exact("10.", "172.", "192.168", "169.254")),
            new Leak("Absolute path", Pattern.compile(
                    "(?<![\\w/:.])(?:/(?:home|Users|root|var|etc|opt|srv|usr/local|private|tmp)/[\\w.@-]+(?:/[\\w.@-]+)*|[A-Z]:\\\\(?:Users|Windows|ProgramData)\\\\[^\\s\"']+)"),
                    Anchors.Literals.exact("/home/", "/Users/", "/root/", "/var/", "/etc/", "/opt/", "/srv/", "/usr/local/",
                            "/private/", "/tmp/", ":\\Users\\", ":\\Windows\\", ":\\ProgramData\\")),
            new Leak("Connection string", Pattern.compile(
                    "\\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\\+srv)?|redis|rediss|amqps?|mssql|sqlserver)://[^\\s\"']+|\\bjdbc:[a-z]+:[^\\s\"']+"),
                    Anchors.Literals.exact("://", "jdbc:")),
            new Leak("Internal hostname", Pattern.compile("\\b[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.(?:internal|local|corp|lan)\\b(?![\\w-])"),
                    Anchors.Literals.exact(".internal", ".local", ".corp", ".lan")));

    static final RuleSetting MAX_FINDINGS = RuleSetting.of("maxFindings", 30, "findings reported per response at most");

    @Override
    public List<RuleSetting> settings() {
        return List.of(MAX_FINDINGS);
    }

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public Pass start(ToolExchange ex, RuleSettings settings) {
        return new TextMatchPass(LEAKS.stream().map(Leak::pattern).toList(), LEAKS.stream().map(Leak::anchors).toList(), settings.integer(id(), MAX_FINDINGS)) {
            @Override
            void scan(CharSequence text, Supplier<String> pointer) {
                long candidates = candidates(text);
                for (int i = 0; i < LEAKS.size(); i++) {
                    if ((candidates & 1L << i) == 0) continue;
                    Leak leak = LEAKS.get(i);
                    Matcher m = matcher(i, text);
                    if (!m.find()) continue;
                    String at = pointer.get();
                    report(leak.label(), at, () -> DynamicFindings.onResult(InternalLeakageRule.this, Severity.MEDIUM,
                            ex.toolName(), at, leak.label() + " in the output of " + ex.toolName(),
                            DynamicFindings.around(text, m.start(), m.end()),
                            "Map internal failures to short, stable error messages; log details server-side; return public identifiers instead of paths, hosts and addresses."));
                }
            }

            @Override
            public List<Finding> finish() {
                if (ex.error() != null) read(ex.error().message() + "\n" + ex.error().data(), () -> "/error");
                read(ex.stderr(), () -> "/stderr");
                return super.finish();
            }
        };
    }
}
