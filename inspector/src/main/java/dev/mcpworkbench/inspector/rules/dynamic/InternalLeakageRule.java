package dev.mcpworkbench.inspector.rules.dynamic;

import dev.mcpworkbench.inspector.rules.Category;
import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.RuleMetadata;
import dev.mcpworkbench.inspector.rules.RuleSetting;
import dev.mcpworkbench.inspector.rules.RuleSettings;
import dev.mcpworkbench.inspector.rules.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** OUTPUT-006: stack traces, private addresses, absolute paths, connection strings in outputs. */
public final class InternalLeakageRule implements StringRule {

    private static final RuleMetadata METADATA = new RuleMetadata("OUTPUT-006", "Internal leakage", Category.OUTPUT,
            Severity.MEDIUM, List.of("MCP10"),
            "Stack traces, internal addresses, file paths and connection strings map the server's insides for "
                    + "whoever reads the transcript, and a prompt injection can ask the model to go and probe them.",
            true);

    private record Leak(String label, Pattern pattern) {
    }

    private static final List<Leak> LEAKS = List.of(
            new Leak("JavaScript stack trace", Pattern.compile("\\n\\s+at (?:[\\w.<>$]+ )?\\(?(?:file://)?/?[\\w./-]+\\.[cm]?[jt]s:\\d+:\\d+\\)?")),
            new Leak("Python traceback", Pattern.compile("Traceback \\(most recent call last\\):")),
            new Leak("Java stack trace", Pattern.compile("\\bat [\\w$.]+\\([\\w$]+\\.(?:java|kt):\\d+\\)")),
            new Leak("Private or link-local IP address", Pattern.compile(
                    "(?<![\\d.])(?:10\\.\\d{1,3}|172\\.(?:1[6-9]|2\\d|3[01])|192\\.168|169\\.254)\\.\\d{1,3}\\.\\d{1,3}(?![\\d.])")),
            new Leak("Absolute path", Pattern.compile(
                    "(?<![\\w/:.])(?:/(?:home|Users|root|var|etc|opt|srv|usr/local|private|tmp)/[\\w.@-]+(?:/[\\w.@-]+)*|[A-Z]:\\\\(?:Users|Windows|ProgramData)\\\\[^\\s\"']+)")),
            new Leak("Connection string", Pattern.compile(
                    "\\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\\+srv)?|redis|rediss|amqps?|mssql|sqlserver)://[^\\s\"']+|\\bjdbc:[a-z]+:[^\\s\"']+")),
            new Leak("Internal hostname", Pattern.compile("\\b[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.(?:internal|local|corp|lan)\\b(?![\\w-])")));

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
        int max = settings.integer(id(), MAX_FINDINGS);
        List<Finding> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        // one matcher per pattern for the whole result, reset per string: a 100 MB result has
        // millions of strings, and a new matcher each time made gigabytes of garbage
        Matcher[] matchers = LEAKS.stream().map(l -> l.pattern().matcher("")).toArray(Matcher[]::new);
        return new Pass() {
            @Override
            public boolean accept(PayloadStrings.Spot spot, String value) {
                // a string longer than the walk reads is passed over, as scan passes over one over 8 M characters
                if (!spot.cut()) scan(ex, value, spot, out, seen, max, matchers);
                return out.size() < max;
            }

            @Override
            public List<Finding> finish() {
                if (ex.error() != null) scan(ex, ex.error().message() + "\n" + ex.error().data(), () -> "/error", out, seen, max, matchers);
                scan(ex, ex.stderr(), () -> "/stderr", out, seen, max, matchers);
                return out;
            }
        };
    }

    private void scan(ToolExchange ex, String text, java.util.function.Supplier<String> pointer, List<Finding> out, Set<String> seen, int max,
                      Matcher[] matchers) {
        if (text.isEmpty() || text.length() > 8 * 1024 * 1024) return;
        for (int i = 0; i < LEAKS.size(); i++) {
            Leak leak = LEAKS.get(i);
            Matcher m = matchers[i].reset(text);
            if (!m.find() || out.size() >= max) continue;
            String p = pointer.get();
            if (!seen.add(leak.label() + "|" + p)) continue;
            out.add(DynamicFindings.onResult(this, Severity.MEDIUM, ex.toolName(), p,
                    leak.label() + " in the output of " + ex.toolName(),
                    DynamicFindings.around(text, m.start(), m.end()),
                    "Map internal failures to short, stable error messages; log details server-side; return public identifiers instead of paths, hosts and addresses."));
        }
    }
}
