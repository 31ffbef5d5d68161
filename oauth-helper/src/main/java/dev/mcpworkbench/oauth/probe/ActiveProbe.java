package dev.mcpworkbench.oauth.probe;

import dev.mcpworkbench.oauth.flow.ProbeStep;

/**
 * A crafted test of the authorization server, run only on the user's say-so after a flow has
 * succeeded: it says beforehand what it will send ({@link #description()}), sends it with the flow's
 * client, and raises its rule's finding into its {@link ProbeStep} with the exchanges as evidence.
 * A probe that cannot conclude (the server lacks the feature, or refused the setup) skips with the
 * reason and raises nothing.
 */
public interface ActiveProbe {

    /** The short name the command line takes, e.g. {@code pkce}. */
    String name();

    /** The OAUTH rule it checks, e.g. {@code OAUTH-016}. */
    String ruleId();

    /** What it checks, in a few words. */
    String title();

    /** What it will send, said before it sends anything; says so when it registers clients or burns codes. */
    String description();

    /**
     * What running it leaves behind at the server, for a UI to ask consent about (clients that stay
     * registered, codes or the session's refresh token used up); null when it leaves nothing.
     */
    default String sideEffect() {
        return null;
    }

    void run(ProbeContext context, ProbeStep step);
}
