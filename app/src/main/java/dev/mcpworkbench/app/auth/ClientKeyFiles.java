package dev.mcpworkbench.app.auth;

import dev.mcpworkbench.oauth.registration.ClientKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/** The client's private key on disk: read one the user gives, or make one and keep it for next time. */
public final class ClientKeyFiles {

    private ClientKeyFiles() {
    }

    /** A JWK or PKCS#8 PEM file; the message says what is wrong with it. */
    public static ClientKey read(Path file) throws IOException {
        try {
            return ClientKey.read(file);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Makes an EC P-256 key and saves it as a JWK in {@code file}, which must not exist: a private key
     * never replaces a file, and is readable by its owner only from the moment it is created (where the
     * file system has POSIX permissions), so it is written in place rather than moved there.
     */
    public static ClientKey create(Path file) throws IOException {
        if (Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) throw new FileAlreadyExistsException(file.toString());
        ClientKey key = ClientKey.generate();
        byte[] json = (key.privateJwkJson() + "\n").getBytes(StandardCharsets.UTF_8);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(file, json, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        } else {
            Files.write(file, json, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
        return key;
    }
}
