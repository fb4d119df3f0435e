package farmhand.farm.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

class EmbeddedRedisTest {

    private static Map<String, String> config(EmbeddedRedis redis) {
        try (RedisClient c = RedisClient.create(redis.url())) {
            return Map.of("appendonly", c.configGet("appendonly").get("appendonly"),
                    "appendfsync", c.configGet("appendfsync").get("appendfsync"));
        }
    }

    @Test
    void byDefaultTheAppendOnlyFileIsFlushedOnceASecond() {
        try (EmbeddedRedis redis = EmbeddedRedis.start()) {
            assertEquals(Map.of("appendonly", "yes", "appendfsync", "everysec"), config(redis));
        }
    }

    @Test
    void aCrashSafeServerFlushesEveryWrite() {
        try (EmbeddedRedis redis = EmbeddedRedis.start(EmbeddedRedis.AppendFsync.ALWAYS)) {
            assertEquals(Map.of("appendonly", "yes", "appendfsync", "always"), config(redis));
        }
    }
}
