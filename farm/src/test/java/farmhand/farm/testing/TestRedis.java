package farmhand.farm.testing;

import farmhand.farm.live.EmbeddedRedis;

/**
 * The Redis that tests use: the one named by the {@code REDIS_URL} environment variable, or a
 * private {@code redis-server} started once per test JVM on a free port (stopped at exit).
 */
public final class TestRedis {

    private static EmbeddedRedis server;

    private TestRedis() {
    }

    /** The URL of the test Redis. */
    public static synchronized String url() {
        String fromEnv = System.getenv("REDIS_URL");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        if (server == null) {
            server = EmbeddedRedis.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return server.url();
    }
}
