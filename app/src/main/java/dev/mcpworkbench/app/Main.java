package dev.mcpworkbench.app;

import dev.mcpworkbench.app.cli.WorkbenchCli;

/**
 * Entry point of the launcher. No arguments (or only {@code --self-test}): the desktop app. Any
 * other argument: the headless CLI, which never loads a JavaFX class (so it starts fast and works
 * over ssh).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || desktopSelfTest(args)) {
            // Loaded reflectively so the CLI path never touches JavaFX classes.
            try {
                Class.forName("dev.mcpworkbench.app.ui.DesktopLauncher")
                        .getMethod("launch", String[].class)
                        .invoke(null, (Object) args);
            } catch (ReflectiveOperationException e) {
                System.err.println("mcp-workbench: cannot start the desktop app: " + cause(e));
                if (noDisplay()) {
                    System.err.println("mcp-workbench: no display (DISPLAY and WAYLAND_DISPLAY are unset): run it in a "
                            + "desktop session, under xvfb-run, or use a subcommand for the headless CLI (mcp-workbench --help)");
                }
                System.exit(2);
            }
            return;
        }
        System.exit(WorkbenchCli.run(args));
    }

    /**
     * {@code --self-test[=SECONDS]}: the desktop app checks itself against the demo lab and exits;
     * {@code --self-test-cycles=N} then also connects and disconnects N times, printing its memory
     * (see docs/desktop.md).
     */
    static boolean desktopSelfTest(String[] args) {
        return args.length == 1 && (args[0].equals("--self-test") || args[0].startsWith("--self-test=")
                || args[0].startsWith("--self-test-cycles="));
    }

    /** The reflective call wraps what JavaFX threw: the user needs the cause, not the wrapper. */
    static String cause(Throwable e) {
        Throwable t = e;
        while ((t instanceof java.lang.reflect.InvocationTargetException || t instanceof ExceptionInInitializerError)
                && t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }

    private static boolean noDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        boolean unixDesktop = !os.contains("win") && !os.contains("mac");
        return unixDesktop && isBlank(System.getenv("DISPLAY")) && isBlank(System.getenv("WAYLAND_DISPLAY"));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
