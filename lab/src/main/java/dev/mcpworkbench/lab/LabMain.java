package dev.mcpworkbench.lab;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a lab server from the command line; see {@link LabCli} for the arguments.
 * {@code java -cp <cp> dev.mcpworkbench.lab.LabMain serve flawed --stdio}
 */
public final class LabMain {

    private LabMain() {
    }

    public static void main(String[] args) throws Exception {
        // Not named logback.xml: a second logback.xml on the app's classpath makes logback print
        // its status to stdout, which would corrupt the stdio transport.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "lab-logback.xml");
        }
        PrintStream err = System.err;
        int code = LabCli.run(args, System.in, System.out, err);
        if (code >= 0) {
            System.exit(code);
        }
        new CountDownLatch(1).await();
    }
}
