package dev.mcpworkbench.app.ui.scanall;

import dev.mcpworkbench.app.scan.ServerOutcome;
import dev.mcpworkbench.app.scan.ServerStatus;
import dev.mcpworkbench.app.ui.connect.ProfileFields;
import dev.mcpworkbench.inspector.rules.Severity;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/** One saved connection in the Scan all window: ticked or not, and what became of it in the last run. */
public final class ServerRow {

    private final ProfileFields profile;
    private final BooleanProperty ticked = new SimpleBooleanProperty(true);
    private final ObjectProperty<ServerOutcome> outcome = new SimpleObjectProperty<>();

    ServerRow(ProfileFields profile) {
        this.profile = profile;
    }

    public ProfileFields profile() {
        return profile;
    }

    public String name() {
        return profile.name();
    }

    public BooleanProperty tickedProperty() {
        return ticked;
    }

    /** Null until the connection takes part in a run. */
    public ObjectProperty<ServerOutcome> outcomeProperty() {
        return outcome;
    }

    public ServerStatus status() {
        return outcome.get() == null ? null : outcome.get().status();
    }

    /** The state column's words. */
    public String statusText() {
        ServerOutcome o = outcome.get();
        if (o == null) return ticked.get() ? "Ready" : "Not included";
        return switch (o.status()) {
            case WAITING -> "Waiting";
            case CONNECTING -> "Connecting\u2026";
            case LISTED -> "Listed " + o.snapshot().tools().size() + " tools";
            case SCANNED -> "Scanned \u00b7 " + o.result().findings().size() + " findings";
            case FAILED -> "Failed";
            case NEEDS_AUTHORIZATION -> "Needs authorization";
            case TIMED_OUT -> "Timed out";
            case CANCELLED -> "Cancelled";
        };
    }

    /** Tools listed, or -1 when it was not reached. */
    public int tools() {
        ServerOutcome o = outcome.get();
        return o == null || !o.reached() ? -1 : o.snapshot().tools().size();
    }

    /** Findings of this severity, or -1 before it is scanned. */
    public int count(Severity severity) {
        ServerOutcome o = outcome.get();
        if (o == null || o.result() == null) return -1;
        return (int) o.result().findings().stream().filter(f -> f.severity() == severity).count();
    }

    /** Why it was not reached, or "". */
    public String error() {
        ServerOutcome o = outcome.get();
        if (o == null) return "";
        // no flow runs during a set scan: the way to a token is one connection, with the user there
        return o.status() == dev.mcpworkbench.app.scan.ServerStatus.NEEDS_AUTHORIZATION
                ? "Connect it alone first (double-click the row): " + o.error() : o.error();
    }
}
