package dev.mcpworkbench.oauth.http;

/** A request hook decided that a request must not be sent (the user cancelled it). */
public final class RequestCancelledException extends Exception {

    public static final String BY_THE_USER = "cancelled by the user";

    public RequestCancelledException(String reason) {
        super(reason);
    }
}
