package dev.mcpworkbench.app.secrets;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A real Secret Service for a test: a private D-Bus session bus and GNOME Keyring's secrets
 * component on it, with a new login keyring unlocked by a throwaway password, all under a
 * temporary home. The JVM is pointed at that bus through the {@code DBUS_SESSION_BUS_ADDRESS}
 * system property, which dbus-java reads before the environment. Needs the Debian packages dbus
 * and gnome-keyring ({@code .ci/run} installs them); {@link #available()} says whether they are here.
 */
public final class SecretServiceFixture implements AutoCloseable {

    private static final String ADDRESS_PROPERTY = "DBUS_SESSION_BUS_ADDRESS";

    private final Process bus;
    private final Process keyring;
    private final String previousAddress;

    /** True when this machine can run one (Linux with dbus-daemon and gnome-keyring-daemon). */
    public static boolean available() {
        return onPath("dbus-daemon") && onPath("gnome-keyring-daemon");
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) return true;
        }
        return false;
    }

    public SecretServiceFixture(Path home) throws IOException, InterruptedException {
        Path runtime = Files.createDirectories(home.resolve("run"));
        runtime.toFile().setReadable(false, false);
        runtime.toFile().setReadable(true, true);
        ProcessBuilder busBuilder = new ProcessBuilder("dbus-daemon", "--session", "--nofork", "--print-address=1",
                "--address=unix:path=" + runtime.resolve("bus")).redirectErrorStream(true);
        // a keyring daemon the bus starts on demand (when asked before ours registered) gets the bus's
        // environment: the temporary home, never the user's own keyrings
        privateHome(busBuilder.environment(), home, runtime);
        bus = busBuilder.start();
        String address = new BufferedReader(new InputStreamReader(bus.getInputStream(), StandardCharsets.UTF_8)).readLine();
        if (address == null || address.isBlank()) throw new IOException("dbus-daemon printed no address");
        ProcessBuilder daemon = new ProcessBuilder("gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets");
        Map<String, String> env = daemon.environment();
        env.put("DBUS_SESSION_BUS_ADDRESS", address.strip());
        privateHome(env, home, runtime);
        daemon.redirectErrorStream(true).redirectOutput(home.resolve("gnome-keyring.log").toFile());
        keyring = daemon.start();
        try (OutputStream in = keyring.getOutputStream()) {
            in.write("test-keyring-password\n".getBytes(StandardCharsets.UTF_8)); // unlocks (creates) the login keyring
        }
        previousAddress = System.getProperty(ADDRESS_PROPERTY);
        System.setProperty(ADDRESS_PROPERTY, address.strip());
        try {
            awaitService(Duration.ofSeconds(20));
        } catch (IOException | InterruptedException | RuntimeException e) {
            close(); // a constructor that throws is never closed: its daemons would outlive the test
            throw e;
        }
    }

    private static void privateHome(Map<String, String> env, Path home, Path runtime) {
        env.put("HOME", home.toString());
        env.put("XDG_DATA_HOME", home.resolve("data").toString());
        env.put("XDG_RUNTIME_DIR", runtime.toString());
    }

    /** Waits until the Secret Service answers on the bus: the daemon registers its name a moment after starting. */
    private void awaitService(Duration limit) throws IOException, InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        // asked before our daemon owns the service's name, the bus would start a second daemon on
        // demand, which has no unlocked keyring and can win the name (then nothing answers): wait
        // for the name first, asking the bus itself, which starts nothing
        while (onPath("dbus-send") && !nameHasOwner() && System.nanoTime() < end) {
            if (!keyring.isAlive()) throw new IOException("gnome-keyring-daemon exited with " + keyring.exitValue());
            Thread.sleep(100);
        }
        while (System.nanoTime() < end) {
            Optional<OsKeychain> keychain = OsKeychain.open();
            if (keychain.isPresent()) {
                try (OsKeychain k = keychain.get()) {
                    k.put("fixture/ready", "yes");
                    if (k.get("fixture/ready").isPresent()) {
                        k.delete("fixture/ready");
                        return;
                    }
                } catch (IOException e) {
                    // not ready yet
                }
            }
            if (!keyring.isAlive()) throw new IOException("gnome-keyring-daemon exited with " + keyring.exitValue());
            Thread.sleep(200);
        }
        throw new IOException("the Secret Service did not answer within " + limit.toSeconds() + " s");
    }

    private boolean nameHasOwner() throws IOException, InterruptedException {
        ProcessBuilder ask = new ProcessBuilder("dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus",
                "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner", "string:org.freedesktop.secrets")
                .redirectErrorStream(true);
        ask.environment().put("DBUS_SESSION_BUS_ADDRESS", System.getProperty(ADDRESS_PROPERTY));
        Process p = ask.start();
        String reply = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.waitFor() == 0 && reply.contains("boolean true");
    }

    @Override
    public void close() {
        if (previousAddress == null) System.clearProperty(ADDRESS_PROPERTY);
        else System.setProperty(ADDRESS_PROPERTY, previousAddress);
        keyring.destroy();
        bus.descendants().forEach(ProcessHandle::destroy); // daemons the bus started on demand
        bus.destroy();
    }
}
