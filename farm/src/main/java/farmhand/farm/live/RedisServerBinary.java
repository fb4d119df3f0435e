package farmhand.farm.live;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the {@code redis-server} executable that {@link EmbeddedRedis} runs: the first executable
 * {@code redis-server} on the {@code PATH}, else the Linux build that the Maven artifact
 * {@code com.github.codemonstur:embedded-redis} ships on the class path (Redis 6.2, x86-64 and
 * arm64), copied once into {@code ~/.cache/farmhand} (or, when the home folder is not writable, a
 * private temporary folder). So the live farm and its tests need no system install.
 */
public final class RedisServerBinary {

    /** The executable's name on the PATH. */
    static final String COMMAND = "redis-server";

    private static volatile Path resolved;

    private RedisServerBinary() {
    }

    /**
     * The executable to run, found once per JVM.
     *
     * @throws IllegalStateException when there is none on the PATH and none bundled for this platform
     */
    public static Path resolve() {
        Path p = resolved;
        if (p == null) {
            synchronized (RedisServerBinary.class) {
                if (resolved == null) {
                    resolved = onPath(System.getenv("PATH")).orElseGet(RedisServerBinary::bundledSomewhere);
                }
                p = resolved;
            }
        }
        return p;
    }

    /** {@link #resolve()} with an explicit {@code PATH} value and cache folder (for tests). */
    static Path resolve(String pathEnv, Path cacheDir) {
        return onPath(pathEnv).orElseGet(() -> bundled(cacheDir));
    }

    /** The first regular, executable {@code redis-server} in the folders of {@code pathEnv}. */
    static Optional<Path> onPath(String pathEnv) {
        if (pathEnv == null || pathEnv.isBlank()) {
            return Optional.empty();
        }
        for (String dir : pathEnv.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, COMMAND);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The class-path resource holding the bundled server for this JVM's platform, if there is one. */
    static Optional<String> bundledResource() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux")) {
            return Optional.empty();
        }
        return switch (arch) {
            case "amd64", "x86_64" -> Optional.of("redis-server-6.2.6-v5-linux-amd64");
            case "aarch64", "arm64" -> Optional.of("redis-server-6.2.7-linux-arm64");
            default -> Optional.empty();
        };
    }

    /** Copies the bundled server into {@code cacheDir} (once: an existing complete copy is reused) and returns it. */
    static Path bundled(Path cacheDir) {
        String resource = bundledResource().orElseThrow(() -> new IllegalStateException(
                "the live farm needs a Redis: 'redis-server' is not on the PATH and none is bundled for "
                        + System.getProperty("os.name") + "/" + System.getProperty("os.arch")
                        + " (Debian: apt-get install redis-server), or pass --redis URL"));
        try (InputStream in = RedisServerBinary.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the live farm needs a Redis: 'redis-server' is not on the PATH and the "
                        + "bundled one (" + resource + ", from com.github.codemonstur:embedded-redis) is not on the "
                        + "class path (Debian: apt-get install redis-server), or pass --redis URL");
            }
            Files.createDirectories(cacheDir);
            Path target = cacheDir.resolve(resource);
            if (Files.isRegularFile(target) && Files.isExecutable(target)) {
                return target;
            }
            Path part = Files.createTempFile(cacheDir, resource, ".part");
            Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(part, PosixFilePermissions.fromString("rwx------"));
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new IllegalStateException("cannot unpack the bundled redis-server into " + cacheDir + ": "
                    + e.getMessage(), e);
        }
    }

    /** The bundled server in {@code ~/.cache/farmhand}, else in a fresh private temporary folder. */
    private static Path bundledSomewhere() {
        try {
            return bundled(Path.of(System.getProperty("user.home"), ".cache", "farmhand"));
        } catch (IllegalStateException homeNotWritable) {
            try {
                return bundled(Files.createTempDirectory("farmhand-redis-server"));
            } catch (IOException e) {
                throw new IllegalStateException("cannot unpack the bundled redis-server: " + e.getMessage(), e);
            }
        }
    }
}
