package dev.mcpworkbench.inspector.rules.drift;

import dev.mcpworkbench.inspector.rules.*;
import dev.mcpworkbench.inspector.rules.ConnectionTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** DRIFT-003: a launch command that runs whatever the registry serves today. */
public final class UnpinnedLaunch implements StaticRule {

    public static final RuleMetadata META = RuleSupport.meta("DRIFT-003", "Unpinned launch", Category.DRIFT,
            Severity.MEDIUM, List.of("MCP04"),
            "npx -y, @latest, docker :latest and uvx without == fetch and run the newest published code at every start: one compromised release reaches every user silently.");

    private static final Pattern EXACT_NPM_VERSION = Pattern.compile("@\\d+\\.\\d+\\.\\d+(?:[-+][0-9A-Za-z.-]+)?$");

    @Override
    public RuleMetadata metadata() {
        return META;
    }

    @Override
    public List<Finding> check(ScanSubject s) {
        ConnectionTarget target = s.context().target();
        if (target == null || !target.isStdio()) return List.of();
        String problem = problem(target.command(), target.args());
        if (problem == null) return List.of();
        return List.of(RuleSupport.finding(META, Severity.MEDIUM, problem,
                new Location(Location.Kind.CONFIG, target.name(), "/command"), target.commandLine(),
                "Pin an exact version (npx -y pkg@1.2.3, uvx pkg==1.2.3, image@sha256:...), and update deliberately after review."));
    }

    /** What is unpinned about the command, or null when it is pinned or not a package runner. */
    public static String problem(String command, List<String> args) {
        String exe = Path.of(command.trim()).getFileName().toString().toLowerCase(Locale.ROOT).replaceAll("\\.(cmd|exe)$", "");
        List<String> positional = new ArrayList<>();
        for (String a : args) if (!a.startsWith("-")) positional.add(a);
        return switch (exe) {
            case "npx", "bunx", "pnpx" -> npx(args);
            case "pnpm", "yarn", "bun" -> !positional.isEmpty() && positional.get(0).equals("dlx") && positional.size() > 1
                    ? npmSpec(positional.get(1)) : null;
            case "uvx" -> uvx(args);
            case "uv" -> positional.size() > 2 && positional.get(0).equals("tool") && positional.get(1).equals("run")
                    ? pythonSpec(positional.get(2)) : null;
            case "pipx" -> positional.size() > 1 && positional.get(0).equals("run") ? pythonSpec(positional.get(1)) : null;
            case "docker", "podman" -> docker(args);
            default -> null;
        };
    }

    private static String npx(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-p") || a.equals("--package")) {
                return i + 1 < args.size() ? npmSpec(args.get(i + 1)) : null;
            }
            if (a.startsWith("--package=")) return npmSpec(a.substring(10));
            if (!a.startsWith("-")) return npmSpec(a);
        }
        return null;
    }

    private static String npmSpec(String spec) {
        if (spec.startsWith(".") || spec.startsWith("/") || spec.startsWith("file:")) return null;
        if (spec.endsWith("@latest")) return "'" + spec + "' runs whatever is tagged latest at each start";
        if (!EXACT_NPM_VERSION.matcher(spec).find()) return "'" + spec + "' is not pinned to an exact version";
        return null;
    }

    private static String uvx(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--from")) return i + 1 < args.size() ? pythonSpec(args.get(i + 1)) : null;
            if (a.startsWith("--")) {
                if (a.equals("--with") || a.equals("--python") || a.equals("--index-url")) i++;
                continue;
            }
            return pythonSpec(a);
        }
        return null;
    }

    private static String pythonSpec(String spec) {
        if (spec.startsWith(".") || spec.startsWith("/") || spec.startsWith("git+")) return null;
        if (spec.contains("==")) return null;
        if (spec.endsWith("@latest")) return "'" + spec + "' runs whatever is latest at each start";
        return "'" + spec + "' is not pinned with ==";
    }

    private static String docker(List<String> args) {
        int run = args.indexOf("run");
        if (run < 0) return null;
        for (int i = run + 1; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("-")) {
                if (!a.contains("=") && takesValue(a)) i++;
                continue;
            }
            if (a.contains("@sha256:")) return null;
            String lastSegment = a.substring(a.lastIndexOf('/') + 1);
            String tag = lastSegment.contains(":") ? lastSegment.substring(lastSegment.indexOf(':') + 1) : null;
            if (tag == null) return "image '" + a + "' has no tag, which means :latest";
            if (tag.equals("latest")) return "image '" + a + "' uses :latest";
            return null;
        }
        return null;
    }

    private static boolean takesValue(String flag) {
        return List.of("-e", "--env", "-v", "--volume", "-p", "--publish", "--name", "--network", "-w", "--workdir",
                "--env-file", "-u", "--user", "--entrypoint", "--mount", "--platform", "-l", "--label").contains(flag);
    }
}
