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

    @Test
    void theServerDiesWithTheJvmThatStartedItEvenWhenThatJvmIsKilled() throws Exception {
        String javaBin = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                EmbeddedRedisChild.class.getName()).redirectErrorStream(true).start();
        String url;
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream()))) {
            url = out.lines().filter(l -> l.startsWith("redis://")).findFirst().orElseThrow();
            try (RedisClient c = RedisClient.create(java.net.URI.create(url))) {
                assertEquals("PONG", c.ping());
            }
            child.destroyForcibly().waitFor(); // kill -9: no shutdown hook runs
        }
        boolean gone = false;
        for (int i = 0; i < 100 && !gone; i++) {
            try (RedisClient c = RedisClient.create(java.net.URI.create(url))) {
                c.ping();
                Thread.sleep(100);
            } catch (RuntimeException e) {
                gone = true;
            }
        }
        assertTrue(gone, "the private redis-server at " + url + " outlived the JVM that started it");
    }

    @Test
    void aCallToAPrivateServerThatExitedFailsAtOnceSayingSoInsteadOfRetrying() {
        try (EmbeddedRedis redis = EmbeddedRedis.start();
             var queues = new farmhand.farm.queue.RedisQueues(farmhand.farm.queue.RedisEndpoint.of(redis.url()),
                     new farmhand.farm.queue.QueueNames("gone:"), java.time.Duration.ofSeconds(30), 4,
                     redis::exitReason)) {
            queues.requireReachable(java.time.Duration.ofSeconds(5));
            redis.kill();
            long t0 = System.nanoTime();
            IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    queues::terminate);
            assertTrue(e.getMessage().contains("the private redis-server exited"), e.getMessage());
            // before: 30 s of retries, then 30 s more to send TERMINATE
            assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "it retried instead of failing at once");
        }
    }

    @Test
    void aJvmStoppedWithSigtermStopsItsServerAndDeletesItsFolder() throws Exception {
        String javaBin = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                EmbeddedRedisChild.class.getName()).redirectErrorStream(true).start();
        java.nio.file.Path dir;
        String url;
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream()))) {
            url = out.readLine();
            String line = out.readLine();
            while (line != null && !line.startsWith("dir ")) {
                line = out.readLine();
            }
            dir = java.nio.file.Path.of(line.substring(4));
            assertTrue(Files.isDirectory(dir));
            child.destroy(); // SIGTERM, as Ctrl-C's SIGINT: the shutdown hooks run
            assertTrue(child.waitFor(20, java.util.concurrent.TimeUnit.SECONDS), "the child did not stop");
        }
        assertFalse(Files.exists(dir), "the private Redis's folder was left behind: " + dir);
        try (RedisClient c = RedisClient.create(java.net.URI.create(url))) {
            org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, c::ping, "the server still runs");
        }
    }
}
