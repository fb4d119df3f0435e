package farmhand.farm.live;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;

/**
 * A private {@code redis-server} on a free loopback port, for the CLI when no Redis URL is given
 * and for tests. Append-only persistence is on (in a temporary folder) so a restart keeps the data;
 * how often the file is flushed to disk is the {@link AppendFsync} policy. Stopped by {@link #close()}.
 */
public final class EmbeddedRedis implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedis.class);

    /**
     * When Redis flushes its append-only file to disk (its {@code appendfsync} setting).
     */
    public enum AppendFsync {
        /**
         * After every write, before replying: a killed Redis loses nothing acknowledged, but every
         * write waits for the disk (on the development machine ~1.2 ms more per task through the
         * farm's five writing round trips, {@code DataPathBenchmark}; 1-2.5 ms more data-path median
         * with 16 busy workers).
         */
        ALWAYS("always"),
        /**
         * Once a second in the background (Redis's recommended setting): a killed Redis can lose the
         * last second of writes; a killed worker still loses nothing.
         */
        EVERY_SECOND("everysec");

        private final String redisValue;

        AppendFsync(String redisValue) {
            this.redisValue = redisValue;
        }
    }

    private final Path dir;
    private final int port;
    private final AppendFsync fsync;
    private Process process;
    private Process watchdog;
    private Thread shutdownHook;

    private EmbeddedRedis(Path dir, int port, AppendFsync fsync) {
        this.dir = dir;
        this.port = port;
        this.fsync = fsync;
    }

    /**
     * Starts a server that flushes its append-only file once a second ({@link AppendFsync#EVERY_SECOND})
     * and waits until it answers PING.
     *
     * @throws IllegalStateException when no {@code redis-server} is found ({@link RedisServerBinary}) or it does not come up
     */
    public static EmbeddedRedis start() {
        return start(AppendFsync.EVERY_SECOND);
    }

    /**
     * Starts a server with the given flush policy and waits until it answers PING.
     *
     * @throws IllegalStateException when no {@code redis-server} is found ({@link RedisServerBinary}) or it does not come up
     */
    public static EmbeddedRedis start(AppendFsync fsync) {
        Objects.requireNonNull(fsync, "fsync");
        try {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            EmbeddedRedis r = new EmbeddedRedis(Files.createTempDirectory("farmhand-redis"), port, fsync);
            r.launch();
            r.shutdownHook = new Thread(r::stopAndDelete, "farmhand-redis-shutdown");
            Runtime.getRuntime().addShutdownHook(r.shutdownHook);
            return r;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start redis-server: " + e.getMessage(), e);
        }
    }

    private void launch() throws IOException {
        List<String> cmd = List.of(RedisServerBinary.resolve().toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "yes", "--appendfsync", fsync.redisValue, "--dir", dir.toString());
        try {
            process = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(new File(dir.toFile(), "redis.log")).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + cmd.getFirst() + ": " + e.getMessage()
                    + " (Debian: apt-get install redis-server), or pass --redis URL", e);
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (RedisClient c = RedisClient.create("127.0.0.1", port)) {
                if ("PONG".equals(c.ping())) {
                    watchParent();
                    return;
                }
            } catch (RuntimeException e) {
                // not up yet
            }
            if (!process.isAlive()) {
                break;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("redis-server on port " + port + " did not answer PING; log: "
                + dir.resolve("redis.log"));
    }

    /**
     * Starts a small shell watchdog that ends the server when this JVM is gone, even when it was killed
     * (SIGKILL runs no shutdown hook): a private server must not outlive the run that started it.
     */
    private void watchParent() {
        if (watchdog != null && watchdog.isAlive()) {
            watchdog.destroyForcibly();
        }
        String script = "while kill -0 " + ProcessHandle.current().pid() + " 2>/dev/null && kill -0 " + process.pid()
                + " 2>/dev/null; do sleep 0.5; done; kill " + process.pid() + " 2>/dev/null";
        try {
            watchdog = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            LOG.warn("no watchdog for the private redis-server (it may outlive a killed JVM): {}", e.getMessage());
        }
    }

    /** Why the server is known to be gone (it exited), or null while it runs. */
    public String exitReason() {
        Process p = process;
        return p == null || p.isAlive() ? null : "the private redis-server exited with code " + p.exitValue()
                + "; its log: " + dir.resolve("redis.log");
    }

    /** {@code redis://127.0.0.1:<port>}. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Kills the server abruptly (to test recovery). */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts the server again on the same port and data folder. */
    public void restart() {
        try {
            launch();
        } catch (IOException e) {
            throw new IllegalStateException("cannot restart redis-server: " + e.getMessage(), e);
        }
    }

    /** The server's data folder (its append-only file and log); deleted by {@link #close()}. */
    public Path dataDir() {
        return dir;
    }

    /** Stops the server and deletes its data folder (a private server's data is of no use after it). */
    @Override
    public void close() {
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook runs this anyway
            }
        }
        stopAndDelete();
    }

    private synchronized void stopAndDelete() {
        if (watchdog != null) {
            watchdog.destroyForcibly();
        }
        if (process != null) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a leftover temp folder is not worth failing a run for; say where it is
            LOG.warn("could not delete the private Redis's folder {}: {}", dir, e.getMessage());
        }
    }
}
