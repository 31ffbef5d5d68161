package dev.mcpworkbench.app.ui.findings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds a rule's doc page ({@code docs/rules/<ID>.md}): in the repository the app runs from
 * (property {@code workbench.root}, else the working directory), else on the class path.
 * Blocking: call it off the FX thread.
 */
public final class RuleDocs {

    private RuleDocs() {
    }

    public static Optional<Path> file(String docPath) {
        for (String root : new String[] {System.getProperty("workbench.root"), System.getProperty("user.dir")}) {
            if (root == null || root.isBlank()) continue;
            Path candidate = Path.of(root).resolve(docPath).normalize();
            if (Files.isRegularFile(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    /** The page's Markdown source, shown as plain text (never rendered). */
    public static Optional<String> text(String docPath) throws IOException {
        Optional<Path> file = file(docPath);
        if (file.isPresent()) return Optional.of(Files.readString(file.get(), StandardCharsets.UTF_8));
        try (InputStream in = RuleDocs.class.getResourceAsStream("/" + docPath)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
