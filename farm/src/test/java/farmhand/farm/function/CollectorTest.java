package farmhand.farm.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import farmhand.farm.queue.DeadLetterReason;
import farmhand.farm.queue.Messages;
import farmhand.farm.queue.QueueNames;
import farmhand.farm.queue.RedisQueues;
import farmhand.farm.queue.TaskMessage;
import farmhand.farm.testing.LiveFarms;
import farmhand.farm.testing.TestRedis;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

class CollectorTest {

    private static final String RUN = "t1";

    private static String result(int id) {
        return Messages.encode(new TaskMessage(RUN, id, 1, 0.5, 1.0, 2048, 2.0, 1.0, 0.5, "worker-1", 0.6, 1.6,
                Double.NaN));
    }

    /** A run of {@code prefix} whose emitter pushed 100 tasks (ids 0-99). */
    private static RedisQueues run(String prefix, RedisClient redis) {
        RedisQueues queues = new RedisQueues(TestRedis.url(), new QueueNames(prefix, RUN), Duration.ofSeconds(5));
        queues.clear();
        queues.registerRun(RUN, System.currentTimeMillis() + 3_600_000); // its functions write only while registered
        redis.set(queues.names().emitted(), "100");
        return queues;
    }

    /** Runs a collector until it goes idle with the TERMINATE flag set, then returns the output ids in order. */
    private static List<Integer> runCollector(RedisQueues queues, RedisClient redis) throws InterruptedException {
        queues.terminate();
        Thread t = Thread.ofVirtual().start(() -> {
            try {
                new Collector(queues, FarmClock.startingNow(20), 0.1).run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.join(10_000);
        assertFalse(t.isAlive(), "the collector did not stop on TERMINATE");
        return redis.lrange(queues.names().output(), 0, -1).stream().map(json -> Messages.decode(json).id()).toList();
    }

    @Test
    void resultsACrashedCollectorTookAndNeverRecordedAreRecordedByTheNextOne() throws Exception {
        try (RedisClient redis = LiveFarms.foreignClient(TestRedis.url());
             RedisQueues queues = run("col-crash:", redis)) {
            QueueNames names = queues.names();
            // a collector took 1 and 2 into its processing list (oldest at the right) and died before recording
            redis.lpush(names.collecting(), result(1), result(2));
            assertEquals(List.of(1, 2), runCollector(queues, redis));
            assertEquals(0, redis.llen(names.collecting()), "the processing list is emptied");
        }
    }

    @Test
    void leftoversComeFirstThenNewResultsADuplicateIsCountedAndJunkIsDeadLettered() throws Exception {
        try (RedisClient redis = LiveFarms.foreignClient(TestRedis.url());
             RedisQueues queues = run("col-mix:", redis)) {
            QueueNames names = queues.names();
            redis.lpush(names.collecting(), result(7));
            // result_queue is FIFO through LPUSH / right-hand pops: 8 first, then a redelivered 7, then 9
            redis.lpush(names.result(), result(8), result(7), result(9));
            redis.lpush(names.result(), "not json", result(100));
            assertEquals(List.of(7, 8, 9), runCollector(queues, redis));
            assertEquals("1", redis.get(names.duplicates()));
            var account = queues.account();
            assertEquals(1L, account.deadLettered().get(DeadLetterReason.MALFORMED));
            assertEquals(1L, account.deadLettered().get(DeadLetterReason.UNKNOWN_TASK), "task 100 was never emitted");
            assertEquals(0, redis.llen(names.collecting()));
        }
    }
}
