package dev.mcpworkbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The CLI's commands print only through {@link Terminal}, so nothing a server sent can reach the
 * terminal unsanitized by a new command that forgot. The lab's own servers (their stdio JSON-RPC)
 * and picocli's help are the exceptions: neither carries text from outside.
 */
class TerminalIsTheOnlyPrinterTest {

    private static final Pattern RAW_PRINTER = Pattern.compile("\\.get(Out|Err)\\(\\)|System\\.(out|err)(?!\\);)");

    @Test
    void noCommandPrintsAroundTheTerminal() throws IOException {
        Path cli = Path.of("src/main/java/dev/mcpworkbench/app/cli");
        assertThat(cli).isDirectory();
        List<String> offenders;
        try (Stream<Path> files = Files.walk(cli)) {
            offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.getFileName().toString().equals("Terminal.java") && !f.getFileName().toString().equals("LabCommand.java"))
                    .flatMap(f -> lines(f).stream().filter(l -> RAW_PRINTER.matcher(l).find()).map(l -> f.getFileName() + ": " + l.strip()))
                    .filter(l -> !l.contains("usage(System.out)"))
                    .toList();
        }
        assertThat(offenders).as("print through Terminal.out/err instead").isEmpty();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
