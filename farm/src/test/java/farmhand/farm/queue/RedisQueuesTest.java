package farmhand.farm.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import farmhand.farm.testing.LiveFarms;
import farmhand.farm.testing.TestRedis;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

class RedisQueuesTest {

    private static final EpisodeSettings EPISODE = new EpisodeSettings(40, 0.1, new LivenessSettings(0.5, 1.2, 1, 0.1, 2));

    private static String task(String run, int id, double deadline) {
        return Messages.encode(new TaskMessage(run, id, 1, 0, 1, 512, deadline, deadline / 2, 0, null, Double.NaN,
                Double.NaN, Double.NaN));
    }

    /** Registers the run of {@code q}: its functions write only while it is registered. */
    private static void register(RedisQueues q) {
        q.registerRun(q.names().run(), System.currentTimeMillis() + 3_600_000);
    }

    /** Run r1 under {@code prefix}, emptied and registered. */
    private static RedisQueues registeredRun(String prefix) {
        RedisQueues q = new RedisQueues(TestRedis.url(), new QueueNames(prefix, "r1"), Duration.ofSeconds(5));
        q.clear();
        register(q);
        return q;
    }

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
            assertTrue(queues.stats().failedAttempts() >= 1, "the failed attempts are counted");
        }
    }

    @Test
    void modelTimeZeroIsAbsentUntilPublishedAndAWaitForItGivesUpNamingTheRun() {
        try (RedisQueues queues = new RedisQueues(TestRedis.url(), new QueueNames("epochtest:", "r-epoch"),
                Duration.ofSeconds(5))) {
            queues.removeRun("r-epoch");
            assertTrue(queues.epoch().isEmpty(), "no epoch before it is published");
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> queues.awaitEpoch(Duration.ofMillis(50)));
            assertTrue(e.getMessage().contains("run 'r-epoch'"), e.getMessage());
            queues.publishEpoch(1_234_567_890_123L);
            assertEquals(1_234_567_890_123L, queues.awaitEpoch(Duration.ofMillis(50)));
            queues.removeRun("r-epoch");
            assertTrue(queues.epoch().isEmpty(), "the epoch is one of the run's keys");
        }
    }

    @Test
    void aRedisThatAnswersPassesTheCheck() {
        try (RedisQueues queues = new RedisQueues(TestRedis.url(), QueueNames.PAPER, Duration.ofSeconds(5))) {
            queues.requireReachable(Duration.ofSeconds(5));
        }
    }

    @Test
    void aFunctionWhoseHeartbeatExpiredHasItsTaskTakenBackAndDeliveredAgainAtTheFront() throws Exception {
        try (RedisClient redis = LiveFarms.foreignClient(TestRedis.url());
             RedisQueues q = new RedisQueues(TestRedis.url(), new QueueNames("claim-dead:", "r1"), Duration.ofSeconds(5))) {
            q.clear();
            register(q);
            redis.lpush(q.names().worker(), task("r1", 1, 30), task("r1", 2, 30));
            q.announceStart("worker-1", 300); // a heartbeat that lives 0.3 s and is never renewed
            assertEquals(RedisQueues.WorkerStep.Kind.TASK, q.workerStep("worker-1", EPISODE).kind());
            assertTrue(q.claim(EPISODE.liveness()).isEmpty(), "alive and within its visibility timeout");
            Thread.sleep(400);
            List<RedisQueues.Claim> claims = q.claim(EPISODE.liveness());
            assertEquals(List.of(new RedisQueues.Claim("worker-1", RedisQueues.Claim.Cause.DEAD,
                    RedisQueues.Claim.Outcome.REDELIVERED)), claims);
            assertEquals(2, redis.llen(q.names().worker()));
            assertEquals(1, Messages.decode(redis.lindex(q.names().worker(), -1)).id(), "it is taken next");
            assertEquals(1, q.account().redelivered());
        }
    }

    @Test
    void aTaskHeldPastItsVisibilityTimeoutIsTakenBackAndDeadLetteredAfterTheDeliveryLimit() throws Exception {
        try (RedisQueues q = new RedisQueues(TestRedis.url(), new QueueNames("claim-hung:", "r1"), Duration.ofSeconds(5))) {
            q.clear();
            register(q);
            q.enqueueRaw(task("r1", 1, 0.1)); // visibility: max(1 s wall, 1 x 0.1 model s) = 1 s
            for (int delivery = 1; delivery <= 2; delivery++) {
                q.announceStart("worker-1", 60_000); // alive all along: only the visibility timeout can tell
                assertEquals(RedisQueues.WorkerStep.Kind.TASK, q.workerStep("worker-1", EPISODE).kind());
                Thread.sleep(1_100);
                var claim = q.claim(EPISODE.liveness());
                assertEquals(RedisQueues.Claim.Cause.HUNG, claim.getFirst().cause());
                assertEquals(delivery < 2 ? RedisQueues.Claim.Outcome.REDELIVERED : RedisQueues.Claim.Outcome.DEAD_LETTERED,
                        claim.getFirst().outcome(), "delivery " + delivery);
            }
            FarmAccount account = q.account();
            assertEquals(1L, account.deadLettered().get(DeadLetterReason.MAX_DELIVERIES));
            assertTrue(q.deadLetters().getFirst().contains("delivered 2 times"), q.deadLetters().getFirst());
        }
    }

    @Test
    void aWorkerThatFinishesATaskTakenBackFromItDoesNotPushASecondResult() {
        try (RedisQueues q = new RedisQueues(TestRedis.url(), new QueueNames("stale:", "r1"), Duration.ofSeconds(5))) {
            q.clear();
            register(q);
            String raw = task("r1", 1, 30);
            q.enqueueRaw(raw);
            q.announceStart("worker-1", 100);
            q.workerStep("worker-1", EPISODE);
            q.markDead("worker-1");
            q.claim(EPISODE.liveness());
            TaskMessage done = Messages.decode(raw).processed("worker-1", 0, 1);
            assertFalse(q.complete("worker-1", raw, done), "the task was no longer the worker's");
            assertEquals(1, q.account().staleCompletions());
            assertEquals(0, q.snapshot().resultQueue());
        }
    }

    @Test
    void aPasswordNeverAppearsInWhatTheEndpointShows() {
        RedisEndpoint e = RedisEndpoint.of("redis://user:s3cr3t-pw@127.0.0.1:6390/2");
        assertEquals("redis://user:***@127.0.0.1:6390/2", e.redacted());
        assertFalse(e.toString().contains("s3cr3t-pw"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> RedisEndpoint.of("http://:s3cr3t-pw@host:1"));
        assertFalse(bad.getMessage().contains("s3cr3t-pw"), bad.getMessage());
    }

    @Test
    void aTakenTaskStaysVisibleToItsWorkerForItsDeadlineTimesTheFactorInWallTime() {
        EpisodeSettings slow = new EpisodeSettings(2, 0.1, new LivenessSettings(0.5, 1.2, 3, 0.1, 2));
        try (RedisClient redis = LiveFarms.foreignClient(TestRedis.url());
             RedisQueues q = new RedisQueues(TestRedis.url(), new QueueNames("visible:", "r1"), Duration.ofSeconds(5))) {
            q.clear();
            register(q);
            q.enqueueRaw(task("r1", 1, 20)); // 3 deadlines of 20 model s at compression 2: 30 s of wall time
            long before = System.currentTimeMillis();
            q.workerStep("worker-1", slow);
            long until = Long.parseLong(redis.hget(q.names().visibleUntil(), "worker-1"));
            assertEquals(30_000, until - before, 1_000, "visible until " + until + ", taken at " + before);
        }
    }

    @Test
    void aCompletionThatLandsWhileItsRunIsBeingRemovedDoesNotRecreateTheResultQueue() {
        try (RedisClient redis = LiveFarms.foreignClient(TestRedis.url());
             RedisQueues q = registeredRun("late-complete:")) {
            String raw = task("r1", 1, 30);
            q.enqueueRaw(raw);
            assertEquals(RedisQueues.WorkerStep.Kind.TASK, q.workerStep("worker-1", EPISODE).kind());
            // the removal has begun: the run is unregistered and its keys listed while the result queue was
            // empty (no key), the worker still holding its task; a completion of the stopped worker lands now
            redis.hdel(q.names().runs(), "r1");
            TaskMessage done = Messages.decode(raw).processed("worker-1", 0, 1);
            // before: the result was pushed and result_queue, not in the listing, outlived the removal
            assertFalse(q.complete("worker-1", raw, done), "a removed run takes no result");
            assertFalse(redis.exists(q.names().result()), "result_queue was re-created");
            q.removeRun("r1");
            assertEquals(Set.of(), redis.keys("late-complete:*"));
        }
    }

    @Test
    void everyWriteOfAFunctionWhoseRunWasRemovedLeavesNoKeyAndTellsItToStop() {
        try (RedisClient redis = LiveFarms.foreignClient(TestRedis.url());
             RedisQueues q = registeredRun("late-all:")) {
            q.enqueueRaw(task("r1", 1, 30));
            q.announceStart("worker-1", 60_000);
            q.workerStep("worker-1", EPISODE);
            q.removeRun("r1");
            assertEquals(Set.of(), redis.keys("late-all:*"), "the removal itself");
            // what the run's functions may still send once it was removed (stopped late, or still in flight)
            q.announceStart("worker-2", 60_000, 1.0);
            q.heartbeat("worker-1", 60_000);
            RedisQueues.WorkerStep.Kind step = q.workerStep("worker-1", EPISODE).kind();
            String raw = task("r1", 1, 30);
            boolean pushed = q.complete("worker-1", raw, Messages.decode(raw).processed("worker-1", 0, 1));
            q.deadLetter("junk", DeadLetterReason.MALFORMED, "late", q.names().processing("worker-1"));
            q.acknowledgeScaleDown("worker-1");
            long emitted = q.emit(Messages.decode(task("r1", 2, 30)));
            q.pushPhaseDescriptors(List.of("phase-1"));
            q.markGenerationDone();
            long recorded = q.collect(List.of(new RedisQueues.Collected(1, raw, raw)));
            List<String> taken = q.takeResults(10);
            // before: heartbeat, start queue, stale counter, dead letters, ACK, worker queue, ... were all re-created
            assertEquals(Set.of(), redis.keys("late-all:*"));
            assertEquals(RedisQueues.WorkerStep.Kind.TERMINATE, step, "a worker of a removed run is told to stop");
            assertTrue(q.terminateRequested(), "a function of a removed run is told to stop");
            assertFalse(pushed);
            assertEquals(RedisQueues.RUN_REMOVED, emitted);
            assertEquals(0, recorded);
            assertEquals(List.of(), taken);
        }
    }
}
