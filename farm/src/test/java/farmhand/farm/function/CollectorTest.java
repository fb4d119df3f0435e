package farmhand.farm.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import farmhand.farm.queue.Messages;
import farmhand.farm.queue.QueueNames;
import farmhand.farm.queue.RedisQueues;
import farmhand.farm.queue.TaskMessage;
import farmhand.farm.testing.TestRedis;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CollectorTest {

    private static String result(int id) {
        return Messages.encode(new TaskMessage(id, 1, 0.5, 1.0, 2048, 2.0, 1.0, 0.5, "worker-1", 0.6, 1.6, Double.NaN));
    }

    /** Runs a collector until it goes idle with the TERMINATE flag set, then returns the output ids in order. */
    private static List<Integer> runCollector(RedisQueues queues) throws InterruptedException {
        queues.client().set(queues.names().terminate(), "1");
        Thread t = Thread.ofVirtual().start(() -> {
            try {
                new Collector(queues, FarmClock.startingNow(20), 0.1).run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.join(10_000);
        assertFalse(t.isAlive(), "the collector did not stop on TERMINATE");
        return queues.client().lrange(queues.names().output(), 0, -1).stream()
                .map(json -> Messages.decode(json).id()).toList();
    }

    @Test
    void resultsACrashedCollectorTookAndNeverRecordedAreRecordedByTheNextOne() throws Exception {
        try (RedisQueues queues = new RedisQueues(TestRedis.url(), new QueueNames("col-crash:"), Duration.ofSeconds(5))) {
            queues.clear();
            QueueNames names = queues.names();
            // a collector took 1 and 2 into its processing list (oldest at the right) and died before recording
            queues.client().lpush(names.collecting(), result(1), result(2));
            List<Integer> ids = runCollector(queues);
            assertEquals(List.of(1, 2), ids);
            assertEquals(0, queues.client().llen(names.collecting()), "the processing list is emptied");
        }
    }

    @Test
    void leftoversComeFirstThenNewResultsAndADuplicateIsCountedNotRecorded() throws Exception {
        try (RedisQueues queues = new RedisQueues(TestRedis.url(), new QueueNames("col-mix:"), Duration.ofSeconds(5))) {
            queues.clear();
            QueueNames names = queues.names();
            queues.client().lpush(names.collecting(), result(7));
            // result_queue is FIFO through LPUSH / right-hand pops: 8 first, then a redelivered 7, then 9
            queues.client().lpush(names.result(), result(8), result(7), result(9));
            queues.client().lpush(names.result(), "not json");
            List<Integer> ids = runCollector(queues);
            assertEquals(List.of(7, 8, 9), ids);
            assertEquals("1", queues.client().get(names.duplicates()));
            assertEquals(1, queues.client().llen(names.deadLetter()));
            assertEquals(0, queues.client().llen(names.collecting()));
            assertTrue(queues.processingLists().isEmpty(), "nothing is left in any processing list");
        }
    }
}
