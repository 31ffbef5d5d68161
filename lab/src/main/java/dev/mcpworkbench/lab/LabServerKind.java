package dev.mcpworkbench.lab;

import dev.mcpworkbench.lab.flawed.FlawedServer;
import dev.mcpworkbench.lab.secure.SecureServer;
import dev.mcpworkbench.lab.server.LabCatalog;
import java.util.Locale;
import java.util.function.Supplier;

/** The lab's two MCP servers. */
public enum LabServerKind {

    FLAWED("Acme Notes: a notes and tickets server with every design flaw the workbench checks for", FlawedServer::catalog),
    SECURE("Tidy Notes: the same purpose done right (tight schemas, truthful annotations, scoped deletes)", SecureServer::catalog);

    private final String description;
    private final Supplier<LabCatalog> catalog;

    LabServerKind(String description, Supplier<LabCatalog> catalog) {
        this.description = description;
        this.catalog = catalog;
    }

    public String description() {
        return description;
    }

    /** The name used on command lines: {@code flawed} or {@code secure}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A fresh catalog with its own empty-but-seeded store: each started server has its own data. */
    public LabCatalog newCatalog() {
        return catalog.get();
    }

    public static LabServerKind parse(String name) {
        for (LabServerKind kind : values()) {
            if (kind.cliName().equalsIgnoreCase(name) || ("twin".equalsIgnoreCase(name) && kind == SECURE)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown lab server '" + name + "' (expected flawed or secure)");
    }
}
