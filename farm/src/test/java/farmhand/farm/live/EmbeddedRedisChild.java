package farmhand.farm.live;

/** A JVM that starts a private Redis, prints its URL and waits to be killed (for {@link EmbeddedRedisTest}). */
public final class EmbeddedRedisChild {

    private EmbeddedRedisChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedRedis redis = EmbeddedRedis.start();
        System.out.println(redis.url());
        System.out.println("dir " + redis.dataDir());
        System.out.flush();
        Thread.sleep(120_000);
    }
}
