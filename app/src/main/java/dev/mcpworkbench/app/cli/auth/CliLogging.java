package dev.mcpworkbench.app.cli.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Without a logging configuration logback prints DEBUG to stdout, which would bury the command's
 * output under the SDK's chatter. When nobody configured logging, keep only errors.
 */
public final class CliLogging {

    private CliLogging() {
    }

    public static void quietUnlessConfigured() {
        if (CliLogging.class.getResource("/logback.xml") != null || System.getProperty("logback.configurationFile") != null) {
            return;
        }
        Logger root = LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(ch.qos.logback.classic.Level.ERROR);
        }
    }
}
