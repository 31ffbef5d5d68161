package dev.mcpworkbench.inspector.report;

import java.util.Collection;

/** The planted secrets of {@link SecretsNeverInReportsTest}, for the other outputs' tests. */
public final class SecretsNeverInReportsTestAccess {

    private SecretsNeverInReportsTestAccess() {
    }

    public static String hostileText() {
        return SecretsNeverInReportsTest.hostileText();
    }

    public static Collection<String> secrets() {
        return SecretsNeverInReportsTest.SECRETS.values();
    }
}
