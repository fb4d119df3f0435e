package farmhand.farm.testing;

import farmhand.farm.container.ContainerEngine;
import farmhand.farm.live.EmbeddedRedis;

/**
 * The Redis that tests use, in this order: the one named by the {@code REDIS_URL} environment
 * variable; a Redis container through Testcontainers when a Docker engine answers
 * ({@link RedisContainer}); otherwise a private {@code redis-server} process. The container or
 * process is started once per test JVM and stopped at exit; which one is printed once.
 */
public final class TestRedis {

    private static String url;

    private TestRedis() {
    }

    /** The URL of the test Redis. */
    public static synchronized String url() {
        String fromEnv = System.getenv("REDIS_URL");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        if (url == null) {
            AutoCloseable server;
            if (ContainerEngine.available()) {
                RedisContainer container = RedisContainer.start();
                url = container.url();
                server = container;
                System.out.println("TestRedis: a Redis container (" + RedisContainer.IMAGE + ") at " + url);
            } else {
                EmbeddedRedis embedded = EmbeddedRedis.start();
                url = embedded.url();
                server = embedded;
                System.out.println("TestRedis: a private redis-server at " + url + " ("
                        + ContainerEngine.unavailableReason().orElseThrow() + ")");
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (Exception e) {
                    System.err.println("TestRedis: could not stop the test Redis: " + e.getMessage());
                }
            }));
        }
        return url;
    }
}
