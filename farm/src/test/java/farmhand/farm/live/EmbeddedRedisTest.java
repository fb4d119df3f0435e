package farmhand.farm.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
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
    void closingStopsTheServerAndDeletesItsDataFolder() {
        EmbeddedRedis redis = EmbeddedRedis.start();
        try (RedisClient c = RedisClient.create(redis.url())) {
            c.set("k", "v"); // something in the append-only file
        }
        assertTrue(Files.isDirectory(redis.dataDir()));
        redis.close();
        assertFalse(Files.exists(redis.dataDir()), "left behind: " + redis.dataDir());
    }

    @Test
    void aCrashSafeServerFlushesEveryWrite() {
        try (EmbeddedRedis redis = EmbeddedRedis.start(EmbeddedRedis.AppendFsync.ALWAYS)) {
            assertEquals(Map.of("appendonly", "yes", "appendfsync", "always"), config(redis));
        }
    }
}
