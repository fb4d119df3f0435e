package farmhand.farm.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.RedisClient;

/** A {@code redis-server} that demands a password, on a free port, that a test can kill and start again. */
public final class PasswordRedis implements AutoCloseable {

    private final int port;
    private final String password;
    private Process process;

    public PasswordRedis(String password) throws IOException {
        this.password = password;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        start();
    }

    /** Starts (again) and waits until it answers. */
    public void start() {
        try {
            process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--requirepass", password)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            for (int i = 0; i < 200; i++) {
                try (RedisClient c = RedisClient.create(java.net.URI.create(url()))) {
                    c.ping();
                    return;
                } catch (RuntimeException e) {
                    Thread.sleep(20);
                }
            }
            throw new IllegalStateException("redis-server with a password did not come up on port " + port);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start redis-server: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The URL with the password in it. */
    public String url() {
        return "redis://:" + password + "@127.0.0.1:" + port;
    }

    /** The URL with no password. */
    public String urlWithoutPassword() {
        return "redis://127.0.0.1:" + port;
    }

    /** Kills the server abruptly. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
