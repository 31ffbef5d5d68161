package dev.mcpworkbench.oauth.flow;

import dev.mcpworkbench.oauth.check.OAuthFinding;
import dev.mcpworkbench.oauth.http.HttpExchange;

/**
 * Observes the flow as it runs, so a panel can show each step as it passes. Called on the flow's
 * thread: a UI must hop to its own thread before touching widgets.
 */
public interface FlowListener {

    default void stepStarted(FlowStep step) {
    }

    default void exchangeRecorded(FlowStep step, HttpExchange exchange) {
    }

    default void findingRaised(FlowStep step, OAuthFinding finding) {
    }

    default void stepFinished(FlowStep step) {
    }

    FlowListener NONE = new FlowListener() { };
}
