package dev.mcpworkbench.app.cli;

import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code scan --snapshot FILE|DIR...}: the snapshot files named, a folder standing for every
 * {@code *.json} directly in it (sorted by name), each file once. A file that cannot be read is
 * noted and the others are still read: one bad snapshot does not hide the rest of a workspace.
 *
 * @param servers    the snapshots read, in order
 * @param files      the file each of them was read from
 * @param errors     one line per file that could not be read
 * @param unreadable the files that could not be read, in the order of {@code errors}
 * @param order      every file named, read or not, in the order given
 */
record SnapshotSet(List<ServerSnapshot> servers, List<Path> files, List<String> errors, List<Path> unreadable, List<Path> order) {

    /** True when the arguments name more than one snapshot, or a folder: a workspace, not one file. */
    static boolean isWorkspace(List<Path> arguments) {
        return arguments.size() > 1 || Files.isDirectory(arguments.get(0));
    }

    /** Reads every snapshot named, each refused past {@code maxBytes}. */
    static SnapshotSet read(List<Path> arguments, long maxBytes) throws IOException {
        List<ServerSnapshot> servers = new ArrayList<>();
        List<Path> read = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<Path> unreadable = new ArrayList<>();
        List<Path> order = files(arguments);
        for (Path file : order) {
            try {
                servers.add(SnapshotJson.read(file, maxBytes));
                read.add(file);
                continue;
            } catch (NoSuchFileException e) {
                errors.add("could not read " + file + ": no such file");
            } catch (IOException | RuntimeException e) {
                // a malformed or oversized file: Jackson's message says where, its first line is enough
                errors.add("could not read " + file + ": " + firstLine(e.getMessage()));
            }
            unreadable.add(file);
        }
        return new SnapshotSet(servers, read, errors, unreadable, order);
    }

    /** Folders expanded to their {@code *.json} files; a missing folder is a usage error, a missing file an entry's error. */
    static List<Path> files(List<Path> arguments) throws IOException {
        Set<Path> seen = new LinkedHashSet<>();
        List<Path> files = new ArrayList<>();
        for (Path argument : arguments) {
            List<Path> here;
            if (Files.isDirectory(argument)) {
                try (Stream<Path> list = Files.list(argument)) {
                    here = list.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                            .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
                }
                if (here.isEmpty()) throw new IllegalArgumentException("no *.json snapshot in " + argument);
            } else {
                here = List.of(argument);
            }
            for (Path file : here) {
                if (seen.add(file.toAbsolutePath().normalize())) files.add(file);
            }
        }
        return files;
    }

    private static String firstLine(String message) {
        if (message == null) return "unreadable";
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
