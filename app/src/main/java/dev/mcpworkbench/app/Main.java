package dev.mcpworkbench.app;

import dev.mcpworkbench.app.cli.WorkbenchCli;

/**
 * Entry point of the launcher. No arguments: the desktop app. Any argument: the headless CLI,
 * which never loads a JavaFX class (so it starts fast and works over ssh).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            // Loaded reflectively so the CLI path never touches JavaFX classes.
            try {
                Class.forName("dev.mcpworkbench.app.ui.DesktopLauncher")
                        .getMethod("launch", String[].class)
                        .invoke(null, (Object) args);
            } catch (ReflectiveOperationException e) {
                System.err.println("mcp-workbench: cannot start the desktop app: " + e);
                System.exit(2);
            }
            return;
        }
        System.exit(WorkbenchCli.run(args));
    }
}
