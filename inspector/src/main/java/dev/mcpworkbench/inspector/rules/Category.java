package dev.mcpworkbench.inspector.rules;

/** Rule families of the catalog; each maps to one of the five design principles. */
public enum Category {
    SURFACE("Shrink the attack surface"),
    SCHEMA("Constrain inputs in the schema"),
    DOCS("Documentation as a defensive layer"),
    POISON("Tool poisoning"),
    OUTPUT("Return only the data needed"),
    DRIFT("Rug pulls"),
    CONFIG("Client configuration"),
    TRANSPORT("Transport"),
    COMPAT("Interoperability with official clients"),
    OAUTH("Authorization");

    private final String principle;

    Category(String principle) {
        this.principle = principle;
    }

    public String principle() {
        return principle;
    }
}
