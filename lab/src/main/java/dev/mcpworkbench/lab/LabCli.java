package dev.mcpworkbench.lab;

import dev.mcpworkbench.lab.auth.DPoPPolicy;
import dev.mcpworkbench.lab.auth.Misbehaviour;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The lab's own argument parsing for {@link LabMain} (the app's {@code mcp-workbench lab} command
 * offers the same through picocli):
 * <pre>
 * list
 * serve (flawed|secure) --stdio
 * serve (flawed|secure) --http [--port N] [--auth] [--as-option NAME]... [--auto-approve] [--issuer-path /P]
 * </pre>
 */
public final class LabCli {

    static final String USAGE = "usage: lab list | lab serve (flawed|secure) (--stdio | --http [--port N] [--auth]"
            + " [--as-option NAME]... [--dpop optional|required|nonce] [--auto-approve] [--issuer-path /P])";

    private LabCli() {
    }

    /** Returns an exit code, or -1 when an HTTP lab was started and keeps running. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws InterruptedException {
        try {
            if (args.length == 1 && args[0].equals("list")) {
                printList(out);
                return 0;
            }
            if (args.length >= 3 && args[0].equals("serve")) {
                return serve(LabServerKind.parse(args[1]), List.of(args).subList(2, args.length), in, out);
            }
            err.println(USAGE);
            return 2;
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("lab: " + e.getMessage());
            return 2;
        }
    }

    private static int serve(LabServerKind kind, List<String> options, InputStream in, PrintStream out) throws InterruptedException {
        if (options.equals(List.of("--stdio"))) {
            StdioLab.serve(kind, in, out);
            return 0;
        }
        if (!options.contains("--http")) {
            throw new IllegalArgumentException("choose --stdio or --http\n" + USAGE);
        }
        serveHttp(parseHttpSpec(kind, options), out);
        return -1;
    }

    static LabSpec parseHttpSpec(LabServerKind kind, List<String> options) {
        LabSpec spec = LabSpec.of(kind);
        List<Misbehaviour> misbehaviours = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            switch (options.get(i)) {
                case "--http" -> { }
                case "--auth" -> spec = spec.withAuth();
                case "--auto-approve" -> spec = spec.withAutoApprove();
                case "--port" -> spec = spec.withPort(Integer.parseInt(value(options, ++i, "--port")));
                case "--issuer-path" -> spec = spec.withIssuerPath(value(options, ++i, "--issuer-path"));
                case "--as-option" -> misbehaviours.add(Misbehaviour.parse(value(options, ++i, "--as-option")));
                case "--dpop" -> spec = spec.withDPoP(DPoPPolicy.parse(value(options, ++i, "--dpop")));
                default -> throw new IllegalArgumentException("unknown option " + options.get(i) + "\n" + USAGE);
            }
        }
        if (!misbehaviours.isEmpty()) {
            if (!spec.auth()) {
                throw new IllegalArgumentException("--as-option needs --auth");
            }
            spec = spec.withMisbehaviours(misbehaviours.toArray(Misbehaviour[]::new));
        }
        return spec;
    }

    private static String value(List<String> options, int index, String option) {
        if (index >= options.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return options.get(index);
    }

    /**
     * Starts the lab and prints its MCP URL on the first line of {@code out} and, with auth, the
     * issuer on the second; a shutdown hook stops it on Ctrl-C.
     */
    public static RunningLab serveHttp(LabSpec spec, PrintStream out) {
        RunningLab lab = Lab.start(spec);
        out.println(lab.mcpUrl());
        lab.issuer().ifPresent(out::println);
        out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(lab::close, "lab-shutdown"));
        return lab;
    }

    public static void printList(PrintStream out) {
        out.println("Servers:");
        for (LabServerKind kind : LabServerKind.values()) {
            out.printf("  %-8s %s%n", kind.cliName(), kind.description());
        }
        out.println();
        out.println("Authorization server misbehaviours (--as-option NAME):");
        for (Misbehaviour m : Misbehaviour.values()) {
            out.printf("  %-28s %-10s %s%n", m.optionName(), m.ruleId(), m.description());
        }
        out.println();
        out.println("DPoP policies (--dpop NAME, with --auth):");
        for (DPoPPolicy p : DPoPPolicy.values()) {
            out.printf("  %-28s %s%n", p.optionName(), p.description());
        }
    }
}
