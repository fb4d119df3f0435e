package farmhand.farm.queue;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import farmhand.farm.testing.TestRedis;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RedisQueuesTest {

    @Test
    void aUrlThatIsNotARedisUrlIsRefusedNamingIt() {
        for (String bad : new String[] {"notaurl", "http://127.0.0.1:6379", "redis://", " "}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new RedisQueues(bad, QueueNames.PAPER, Duration.ofSeconds(1)));
            assertTrue(e.getMessage().contains("redis://host:port"), e.getMessage());
            if (!bad.isBlank()) {
                assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
            }
        }
    }

    @Test
    void aRedisThatDoesNotAnswerIsReportedWithItsUrlInsteadOfWaitedFor() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort(); // closed again: nothing listens there
        }
        String url = "redis://127.0.0.1:" + port;
        try (RedisQueues queues = new RedisQueues(url, QueueNames.PAPER, Duration.ofSeconds(30))) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> queues.requireReachable(Duration.ofMillis(300)));
            assertTrue(e.getMessage().contains(url), e.getMessage());
        }
    }

    @Test
    void aRedisThatAnswersPassesTheCheck() {
        try (RedisQueues queues = new RedisQueues(TestRedis.url(), QueueNames.PAPER, Duration.ofSeconds(5))) {
            queues.requireReachable(Duration.ofSeconds(5));
        }
    }
}
