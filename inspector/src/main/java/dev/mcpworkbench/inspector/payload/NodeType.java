package dev.mcpworkbench.inspector.payload;

/** JSON value kinds of an indexed node. */
public enum NodeType {
    OBJECT, ARRAY, STRING, NUMBER, BOOLEAN, NULL;

    public boolean isContainer() {
        return this == OBJECT || this == ARRAY;
    }
}
