package dev.mcpworkbench.app.ui.connect;

import dev.mcpworkbench.inspector.connect.CommandLineWords;
import dev.mcpworkbench.inspector.profile.SecretStore;
import java.io.File;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/** Add or edit a connection profile: stdio (command, args, env, working dir), Streamable HTTP or SSE (URL, headers), roots. */
public final class ProfileDialog extends Dialog<ProfileFields> {

    private final TextField name = new TextField();
    private final ComboBox<ProfileFields.Kind> kind = new ComboBox<>();
    private final TextField command = new TextField();
    private final TextArea args = new TextArea();
    private final TextArea env = new TextArea();
    private final TextField workingDir = new TextField();
    private final TextField url = new TextField();
    private final TextArea headers = new TextArea();
    private final ListView<String> roots = new ListView<>();
    private final Label problem = new Label();
    private final VBox secrets = new VBox();
    private final Label secretsLabel = new Label(); // "Secrets" once there is something to say
    private SecretsChoice secretsChoice;

    /** Where a row's nodes were put when the grid was built, before rows of the other transport were hidden. */
    private static final String DECLARED_ROW = "profileDialog.row";

    /** Names other connections have: two connections of one name would share suppressions and pins. */
    private final Set<String> takenNames;

    /** Edits {@code initial}, or makes a new connection when it is null; {@code takenNames} are the other connections' names. */
    public ProfileDialog(Window owner, ProfileFields initial, Collection<String> takenNames) {
        this(owner, initial, takenNames, initial == null ? "New connection" : "Edit connection",
                initial == null ? "Connect to an MCP server" : "Edit " + initial.name());
    }

    /**
     * A new connection filled in from the server on screen, which was reached without one: saving
     * it keeps that server's suppressions and pin.
     */
    public static ProfileDialog saveAs(Window owner, ProfileFields prefill, Collection<String> takenNames) {
        return new ProfileDialog(owner, prefill, takenNames, "Save as connection",
                "Save this server as a connection, with its suppressions and pin");
    }

    private ProfileDialog(Window owner, ProfileFields initial, Collection<String> takenNames, String title, String header) {
        this.takenNames = Set.copyOf(takenNames);
        if (owner != null) initOwner(owner);
        setTitle(title);
        setHeaderText(header);
        setResizable(true);
        name.setId("profileName");
        kind.setId("profileKind");
        command.setId("profileCommand");
        args.setId("profileArgs");
        url.setId("profileUrl");
        kind.getItems().setAll(ProfileFields.Kind.values());
        command.setPromptText("npx, uvx, node, python, /path/to/server… (or paste a whole command line)");
        // A pasted command line becomes the command and its arguments as soon as the field is left.
        command.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) splitCommandLine();
        });
        args.setPromptText("one argument per line");
        env.setPromptText("NAME=value, one per line");
        workingDir.setPromptText("default: the current directory");
        url.setPromptText("http://127.0.0.1:3001/mcp");
        headers.setPromptText("Header-Name: value, one per line (e.g. Authorization: Bearer …)");
        for (TextArea a : new TextArea[] {args, env, headers}) {
            a.setPrefRowCount(3);
            a.getStyleClass().add("mono");
        }
        roots.setPrefHeight(80);
        roots.setId("profileRoots");
        fill(initial);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(6));
        int r = 0;
        grid.addRow(r++, label("_Name", name), name);
        grid.addRow(r++, label("_Transport", kind), kind);
        int stdioStart = r;
        grid.addRow(r++, label("_Command", command), command);
        grid.addRow(r++, label("_Arguments", args), args);
        grid.addRow(r++, label("_Environment", env), env);
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> chooseDir(workingDir));
        HBox wd = new HBox(6, workingDir, browse);
        HBox.setHgrow(workingDir, Priority.ALWAYS);
        grid.addRow(r++, label("_Working dir", workingDir), wd);
        int httpStart = r;
        grid.addRow(r++, label("_URL", url), url);
        grid.addRow(r++, label("_Headers", headers), headers);
        Button addRoot = new Button("Add folder…");
        addRoot.setOnAction(e -> {
            DirectoryChooser c = new DirectoryChooser();
            File f = c.showDialog(getDialogPane().getScene().getWindow());
            if (f != null) roots.getItems().add(f.toPath().toUri().toString());
        });
        Button removeRoot = new Button("Remove");
        removeRoot.setOnAction(e -> roots.getItems().removeAll(roots.getSelectionModel().getSelectedItems()));
        grid.addRow(r++, label("_Roots", roots), new javafx.scene.layout.VBox(6, roots, new HBox(6, addRoot, removeRoot)));
        grid.addRow(r++, secretsLabel, secrets);
        problem.getStyleClass().add("danger-text");
        grid.add(problem, 1, r);
        grid.setPrefWidth(620);
        javafx.scene.layout.ColumnConstraints c1 = new javafx.scene.layout.ColumnConstraints();
        // the labels keep their width: a long note in the other column (no keychain) cut every label to "…"
        c1.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints c2 = new javafx.scene.layout.ColumnConstraints();
        c2.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(c1, c2);
        // The other transport's rows are hidden and the rows below move up: a grid keeps its gap
        // around an empty row, which left a blank band between Transport and URL.
        Runnable showKind = () -> grid.getChildren().forEach(n -> {
            Integer row = (Integer) n.getProperties().computeIfAbsent(DECLARED_ROW, k -> GridPane.getRowIndex(n));
            if (row == null) return;
            boolean stdio = kind.getValue() == ProfileFields.Kind.STDIO;
            boolean visible = row < stdioStart || row >= httpStart + 2 || (stdio ? row < httpStart : row >= httpStart);
            int hiddenAbove = row < httpStart ? 0 : stdio ? (row >= httpStart + 2 ? 2 : 0) : httpStart - stdioStart;
            n.setVisible(visible);
            n.setManaged(visible);
            GridPane.setRowIndex(n, visible ? row - hiddenAbove : 0);
        });
        kind.valueProperty().addListener((o, a, b) -> {
            showKind.run();
            getDialogPane().getScene().getWindow().sizeToScene();
        });
        showKind.run();
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().lookupButton(ButtonType.OK).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            splitCommandLine();
            String p = validate();
            problem.setText(p == null ? "" : p);
            if (p != null) e.consume();
        });
        setResultConverter(b -> {
            if (b != ButtonType.OK) return null;
            if (secretsChoice != null) secretsChoice.apply();
            return fields();
        });
        setOnShown(e -> name.requestFocus());
    }

    /** Says where header and environment values will be kept, with the choice of plain text when a keychain exists. */
    public ProfileDialog showingSecrets(SecretStore store) {
        secretsChoice = new SecretsChoice(store);
        secretsLabel.setText("Secrets");
        secrets.getChildren().setAll(secretsChoice);
        return this;
    }

    private static Label label(String text, javafx.scene.Node target) {
        Label l = new Label(text);
        l.setMnemonicParsing(true);
        l.setLabelFor(target);
        return l;
    }

    private void chooseDir(TextField into) {
        DirectoryChooser c = new DirectoryChooser();
        File f = c.showDialog(getDialogPane().getScene().getWindow());
        if (f != null) into.setText(f.getAbsolutePath());
    }

    private void fill(ProfileFields p) {
        if (p == null) {
            kind.setValue(ProfileFields.Kind.STDIO);
            return;
        }
        name.setText(p.name());
        kind.setValue(p.kind());
        command.setText(p.command());
        args.setText(String.join("\n", p.args()));
        env.setText(lines(p.env(), "="));
        workingDir.setText(p.workingDir());
        url.setText(p.url());
        headers.setText(lines(p.headers(), ": "));
        roots.getItems().setAll(p.roots());
    }

    private static String lines(Map<String, String> map, String sep) {
        StringBuilder sb = new StringBuilder();
        map.forEach((k, v) -> sb.append(k).append(sep).append(v).append('\n'));
        return sb.toString().strip();
    }

    /**
     * Splits a whole command line typed or pasted into Command ({@code npx -y "@scope/server" --port 3})
     * into the command and arguments, quoted as a POSIX shell would and without any expansion; the
     * words go before the arguments already listed. A command that names an existing file (a path
     * with spaces) and text with an unclosed quote are left as they are (validation explains the quote).
     */
    void splitCommandLine() {
        String text = command.getText().strip();
        if (!text.matches("(?s).*[\\s'\"].*") || new File(text).exists()) return;
        List<String> words;
        try {
            words = CommandLineWords.split(text);
        } catch (IllegalArgumentException e) {
            return;
        }
        if (words.isEmpty()) return;
        command.setText(words.get(0));
        if (words.size() == 1) return;
        String existing = args.getText().strip();
        args.setText(String.join("\n", words.subList(1, words.size())) + (existing.isEmpty() ? "" : "\n" + existing));
    }

    /** Why the profile cannot be saved, or null. */
    String validate() {
        if (name.getText().isBlank()) return "Give the connection a name.";
        String chosen = name.getText().strip();
        if (takenNames.contains(chosen)) return "There is already a connection called \u201c" + chosen + "\u201d.";
        if (kind.getValue() == ProfileFields.Kind.STDIO) {
            if (command.getText().isBlank()) return "Enter the command that starts the server.";
            try {
                CommandLineWords.split(command.getText());
            } catch (IllegalArgumentException e) {
                return "The command has an unclosed quote: " + command.getText().strip();
            }
        } else {
            try {
                java.net.URI u = java.net.URI.create(url.getText().strip());
                if (u.getScheme() == null || !u.getScheme().matches("https?")) return "The URL must start with http:// or https://.";
            } catch (IllegalArgumentException e) {
                return "The URL is not valid: " + e.getMessage();
            }
        }
        for (String line : env.getText().split("\n")) {
            if (!line.isBlank() && !line.contains("=")) return "Environment lines look like NAME=value: " + line;
        }
        for (String line : headers.getText().split("\n")) {
            if (!line.isBlank() && !line.contains(":")) return "Header lines look like Name: value: " + line;
        }
        return null;
    }

    ProfileFields fields() {
        List<String> argList = new ArrayList<>();
        for (String a : args.getText().split("\n")) if (!a.isBlank()) argList.add(a.strip());
        return new ProfileFields(name.getText().strip(), kind.getValue(), command.getText().strip(), argList,
                pairs(env.getText(), "="), workingDir.getText().strip(), url.getText().strip(),
                pairs(headers.getText(), ":"), List.copyOf(roots.getItems()));
    }

    private static Map<String, String> pairs(String text, String sep) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int i = line.indexOf(sep);
            if (i > 0) out.put(line.substring(0, i).strip(), line.substring(i + sep.length()).strip());
        }
        return out;
    }

    public TextField nameField() {
        return name;
    }

    ComboBox<ProfileFields.Kind> kindField() {
        return kind;
    }
}
