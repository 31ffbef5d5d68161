package dev.mcpworkbench.app.ui.skills;

import dev.mcpworkbench.app.ui.common.FxTasks;
import dev.mcpworkbench.app.ui.workspace.LiveServer;
import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.skills.SkillRules;
import dev.mcpworkbench.inspector.skills.SkillEntry;
import dev.mcpworkbench.inspector.skills.SkillLoad;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Skills tab's state: the connected server's listed skills and the last load. Listing and
 * loading run through {@link FxTasks} (never on the FX thread); an answer that arrives after the
 * server on screen changed is dropped. A load's DRIFT-004 findings go to {@link #onFindings}.
 */
public final class SkillsModel {

    private static final Duration LIST_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(120);

    private final FxTasks tasks;
    private final ObservableList<SkillEntry> skills = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<SkillLoad> load = new ReadOnlyObjectWrapper<>();
    private LiveServer server;
    private Consumer<List<Finding>> onFindings = found -> { };

    public SkillsModel(FxTasks tasks) {
        this.tasks = tasks;
    }

    /** Another server (or none) is on screen: list its skills, reading no skill file. */
    public void follow(LiveServer now) {
        server = now;
        skills.clear();
        load.set(null);
        if (now == null) {
            status.set("Not connected: skills are listed from a connected server.");
            return;
        }
        status.set("Listing skills…");
        tasks.run("Listing skills", LIST_TIMEOUT, now::listSkills, listed -> {
            if (server != now) return;
            if (listed.isEmpty()) {
                status.set("The server does not declare the skills extension (io.modelcontextprotocol/skills).");
                return;
            }
            skills.setAll(listed.get());
            status.set(listed.get().size() + " skills listed; a skill's files are read only when you load it.");
        }, e -> {
            if (server == now) status.set("skills/list failed: " + FxTasks.message(e));
        });
    }

    /** Loads one skill: its files are read and verified; a failure is shown and raises DRIFT-004. */
    public void load(SkillEntry skill) {
        LiveServer at = server;
        if (at == null) return;
        load.set(null);
        status.set("Loading " + skill.name() + "…");
        tasks.run("Loading skill " + skill.name(), LOAD_TIMEOUT, () -> at.loadSkill(skill), loaded -> {
            if (server != at) return;
            load.set(loaded);
            status.set(loaded.loaded()
                    ? "Loaded " + skill.name() + ": " + files(loaded.files().size()) + " verified."
                    : skill.name() + " did not load: " + loaded.violations().get(0).message());
            List<Finding> found = SkillRules.fileMismatch().check(loaded);
            if (!found.isEmpty()) onFindings.accept(found);
        }, e -> {
            if (server == at) status.set("Could not load " + skill.name() + ": " + FxTasks.message(e));
        });
    }

    private static String files(int n) {
        return n + (n == 1 ? " file" : " files");
    }

    public void onFindings(Consumer<List<Finding>> consumer) {
        onFindings = consumer;
    }

    public ObservableList<SkillEntry> skills() {
        return skills;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SkillLoad> loadProperty() {
        return load.getReadOnlyProperty();
    }
}
