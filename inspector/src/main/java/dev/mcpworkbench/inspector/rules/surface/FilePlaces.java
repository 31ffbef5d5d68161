package dev.mcpworkbench.inspector.rules.surface;

import dev.mcpworkbench.inspector.rules.SchemaNode;
import dev.mcpworkbench.inspector.rules.ToolView;
import dev.mcpworkbench.inspector.rules.text.Identifiers;
import dev.mcpworkbench.inspector.rules.text.Texts;
import dev.mcpworkbench.inspector.rules.text.Vocabulary;
import dev.mcpworkbench.inspector.rules.text.VerbAndNouns;
import dev.mcpworkbench.inspector.rules.text.Words;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where the files and folders a tool names live: on the disk of the machine the server runs on, or
 * inside a remote service (a vault, a CRM's media library, a workspace of a SaaS, a bucket, a
 * repository). "Create a folder" is a filesystem write only when the tool is told where on disk; a
 * folder given by a workspace id and a name is a record of the service.
 */
final class FilePlaces {

    static final Set<String> FS_VERBS = Set.of("write", "edit", "create", "move", "delete", "remove", "rename",
            "append", "copy", "save", "mkdir", "touch", "overwrite", "patch");
    static final Set<String> FS_NOUNS = Set.of("file", "files", "directory", "directories", "dir", "folder",
            "folders", "path", "paths");
    /** Parts of a file: writing a file's content is writing the file ({@code write_file_content}). */
    private static final Set<String> PARTS = Set.of("content", "contents", "line", "lines", "byte", "bytes", "chunk", "chunks", "text", "data");
    /** Files that live in a remote store: writing them is a remote change (a sink), not local filesystem access. */
    private static final Pattern REMOTE_STORE = Words.anyOf("github", "gitlab", "bitbucket", "repository", "repositories",
            "repo", "gist", "bucket", "s3", "google drive", "gdrive", "onedrive", "dropbox", "sharepoint");
    /** Said of a place on this machine: "the local file system", "saves to disk", "working directory". */
    private static final Pattern LOCAL_TEXT = Words.anyOf("local(?:ly)?", "disk", "file ?system", "working directory",
            "on (?:this|your|the user's|the host) (?:machine|computer)", "absolute path", "relative path");
    /** A path only a tool that writes would take: {@code local_path} of an upload is read from, not written to. */
    private static final Set<String> SENDING_VERBS = Set.of("upload", "send", "attach", "share", "publish", "post", "push", "submit");
    private static final Set<String> PLACE_ONLY_WORDS = Set.of("local", "target");

    private FilePlaces() {
    }

    /**
     * The name says the tool writes a file or folder: a writing verb whose object is a file noun.
     * The object is the last noun before any "from" ({@code createTestCasesFromFile} makes test
     * cases; the file is their source) and a file noun that only qualifies another noun
     * ({@code create_file_send} makes a "send") is not it.
     */
    static boolean namesFileWrite(List<String> words) {
        VerbAndNouns vn = VerbAndNouns.of(words);
        return FS_VERBS.contains(vn.verb()) && FS_NOUNS.contains(object(words, vn.verb()));
    }

    /** The noun a name acts on: the last word before "from" that is neither the verb, a filler, nor a part of a file. */
    static String object(List<String> words, String verb) {
        int end = words.indexOf("from");
        if (end < 0) end = words.size();
        for (int i = end - 1; i >= 0; i--) {
            String w = words.get(i);
            if (w.equals(verb) || PARTS.contains(w) || w.length() < 2 || (Vocabulary.NOT_NOUNS.contains(w) && !FS_NOUNS.contains(w))) continue;
            return w;
        }
        return "";
    }

    /** The tool's name or description places its files in a remote store (a repository, a bucket, a drive). */
    static boolean inRemoteStore(ToolView tool) {
        return Words.contains(tool.normalizedDescription(), REMOTE_STORE) || Words.contains(String.join(" ", tool.nameWords()), REMOTE_STORE);
    }

    /**
     * The tool is told where on disk: a path parameter that names no id and no remote place, or a
     * description that speaks of the local disk. On a server reached over the network only the
     * description counts: its paths are paths of the service.
     */
    static boolean takesLocalPlace(ToolView tool, boolean remoteServer) {
        if (Words.contains(tool.normalizedDescription(), LOCAL_TEXT)) return true;
        if (remoteServer) return false;
        for (SchemaNode p : tool.parameters()) {
            if (UrlsAndPaths.isPath(p) && !UrlsAndPaths.namesOrIdentifies(p) && !remote(p)) return true;
        }
        return false;
    }

    /**
     * A parameter the tool writes files to on disk ({@code savePath}, {@code outputDir}, {@code workdir}),
     * whatever the tool's verb and even when the files come from a remote store (a download from a
     * drive to {@code savePath} lands on this machine). Not when the parameter's own description
     * places it in the remote store, nor a {@code localPath} an upload reads from.
     */
    static boolean isWrittenPlace(SchemaNode p, ToolView tool) {
        if (!UrlsAndPaths.isWrittenPath(p) || p.hasAllowlist() || remote(p)) return false;
        if (!sends(tool)) return true;
        for (String w : Identifiers.words(p.ownerName())) {
            if (UrlsAndPaths.WRITE_PATH_WORDS.contains(w) && !PLACE_ONLY_WORDS.contains(w)) return true;
        }
        return false;
    }

    /** Any word of the name, not only the verb a reader knows: {@code attach_file}, {@code share_document}. */
    private static boolean sends(ToolView tool) {
        for (String w : tool.nameWords()) if (SENDING_VERBS.contains(w)) return true;
        return false;
    }

    private static boolean remote(SchemaNode p) {
        String description = p.ownerDescription();
        if (description.isEmpty()) return false;
        String text = Texts.normalize(description);
        return Words.contains(text, REMOTE_STORE) && !Words.contains(text, LOCAL_TEXT);
    }
}
