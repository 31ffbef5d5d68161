package dev.mcpworkbench.inspector.skills;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The digest form the skills extension lists: {@code sha256:} and 64 lowercase hex digits of the file's bytes. */
public final class SkillDigest {

    public static final String PREFIX = "sha256:";

    private SkillDigest() {
    }

    public static String of(byte[] bytes) {
        try {
            return PREFIX + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Whether {@code listed} names this content; hex case is not significant. */
    public static boolean matches(String listed, byte[] bytes) {
        return of(bytes).equalsIgnoreCase(listed.trim());
    }
}
