package dev.mcpworkbench.app.scan;

/** Where one server of a set stands. */
public enum ServerStatus {
    /** Not tried yet. */
    WAITING,
    /** Connecting and listing now. */
    CONNECTING,
    /** Listed; judged once every server has been tried. */
    LISTED,
    /** Judged with the others: its findings are in. */
    SCANNED,
    /** Could not be reached: the command, the address, the server or the protocol failed. */
    FAILED,
    /** It asked for authorization and no token was at hand; the set never starts an authorization flow. */
    NEEDS_AUTHORIZATION,
    /** Gave no complete answer within its time limit. */
    TIMED_OUT,
    /** The scan was cancelled before (or while) it was reached. */
    CANCELLED;

    /** True once nothing more will happen to it. */
    public boolean settled() {
        return this != WAITING && this != CONNECTING && this != LISTED;
    }
}
