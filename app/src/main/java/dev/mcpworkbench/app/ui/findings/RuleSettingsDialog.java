package dev.mcpworkbench.app.ui.findings;

import dev.mcpworkbench.inspector.rules.Rule;
import dev.mcpworkbench.inspector.rules.RuleSetting;
import dev.mcpworkbench.inspector.rules.RuleSettings;
import dev.mcpworkbench.inspector.rules.catalog.AllRules;
import dev.mcpworkbench.inspector.rules.catalog.RuleSettingsInput;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.css.PseudoClass;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Every rule threshold the catalog declares ({@link Rule#settings()}), with its meaning, default and
 * the value in use, editable. Values are checked by {@link RuleSettingsInput}, the parser the CLI
 * uses, so the dialog accepts exactly what {@code scan --rule-setting} accepts. The result holds only
 * the values that differ from the defaults.
 */
public final class RuleSettingsDialog {

    static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
    static final ButtonType RESET = new ButtonType("Reset to defaults", ButtonBar.ButtonData.LEFT);
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("danger");

    private record Field(Rule rule, RuleSetting setting, TextField input) {
    }

    private final List<Field> fields = new ArrayList<>();
    private final Label error = new Label();
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(true);

    private RuleSettingsDialog() {
    }

    /**
     * @param where   the file the values are saved in, shown to the user
     * @param problem why the file could not be read ("" when it could)
     */
    public static Dialog<RuleSettings> create(Window owner, RuleSettings current, String where, String problem) {
        return new RuleSettingsDialog().build(owner, current, where, problem);
    }

    private Dialog<RuleSettings> build(Window owner, RuleSettings current, String where, String problem) {
        Dialog<RuleSettings> dialog = new Dialog<>();
        if (owner != null) dialog.initOwner(owner);
        dialog.setTitle("Rule settings");
        dialog.setHeaderText("Thresholds the rules scan with");
        dialog.setResizable(true);

        GridPane grid = new GridPane(12, 6);
        grid.setPadding(new Insets(4));
        int row = 0;
        for (Rule rule : AllRules.all()) {
            if (rule.settings().isEmpty()) continue;
            Label title = new Label(rule.id() + " \u00b7 " + rule.metadata().title());
            title.getStyleClass().add("text-bold");
            GridPane.setMargin(title, new Insets(row == 0 ? 0 : 10, 0, 0, 0));
            grid.add(title, 0, row++, 4, 1);
            for (RuleSetting setting : rule.settings()) {
                TextField input = new TextField(text(current.number(rule.id(), setting)));
                input.setId("setting-" + rule.id() + "-" + setting.name());
                input.setPrefColumnCount(6);
                input.textProperty().addListener((o, a, b) -> validate());
                Label name = new Label(setting.name());
                name.setLabelFor(input);
                Label meaning = new Label(setting.meaning() + " (default " + setting.defaultText()
                        + (setting.min() > 0 ? ", at least " + text(setting.min()) : "") + ")");
                meaning.setWrapText(true);
                meaning.getStyleClass().add("text-muted");
                grid.addRow(row++, name, input, meaning);
                fields.add(new Field(rule, setting, input));
            }
        }
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(420);
        scroll.setPrefViewportWidth(680);

        Label file = new Label("Saved in " + where + ", the same file `mcp-workbench scan --rule-settings` reads.");
        file.setWrapText(true);
        file.getStyleClass().add("text-muted");
        Label trouble = new Label(problem);
        trouble.setId("ruleSettingsProblem");
        trouble.setWrapText(true);
        trouble.getStyleClass().add("danger");
        trouble.setManaged(!problem.isEmpty());
        trouble.setVisible(!problem.isEmpty());
        error.setId("ruleSettingsError");
        error.setWrapText(true);
        error.getStyleClass().add("danger");
        dialog.getDialogPane().setContent(new VBox(8, trouble, scroll, error, file));

        dialog.getDialogPane().getButtonTypes().setAll(RESET, SAVE, ButtonType.CANCEL);
        Button reset = (Button) dialog.getDialogPane().lookupButton(RESET);
        reset.setId("resetRuleSettings");
        // resetting fills in the defaults; the dialog stays open so they can be saved or changed
        reset.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            for (Field f : fields) f.input().setText(f.setting().defaultText());
        });
        Button save = (Button) dialog.getDialogPane().lookupButton(SAVE);
        save.setId("saveRuleSettings");
        save.disableProperty().bind(valid.getReadOnlyProperty().not());
        dialog.setResultConverter(button -> button == SAVE ? settings() : null);
        dialog.setOnShown(e -> fields.stream().findFirst().ifPresent(f -> f.input().requestFocus()));
        validate();
        return dialog;
    }

    private void validate() {
        String first = "";
        for (Field f : fields) {
            String problem = problemOf(f);
            f.input().pseudoClassStateChanged(INVALID, !problem.isEmpty());
            if (first.isEmpty()) first = problem;
        }
        error.setText(first);
        valid.set(first.isEmpty());
    }

    private static String problemOf(Field f) {
        try {
            parse(f);
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static double parse(Field f) {
        String key = f.rule().id() + "." + f.setting().name();
        return RuleSettingsInput.assign(RuleSettings.defaults(), key + "=" + f.input().getText().strip())
                .number(f.rule().id(), f.setting());
    }

    /** The values that differ from the defaults; only called when every field is valid. */
    private RuleSettings settings() {
        RuleSettings result = RuleSettings.defaults();
        for (Field f : fields) {
            double value = parse(f);
            if (value != f.setting().defaultValue()) result = result.with(f.rule().id(), f.setting().name(), value);
        }
        return result;
    }

    private static String text(double value) {
        return new RuleSetting("value", value, 0, "").defaultText();
    }
}
