package farmhand.farm.live;

import static farmhand.farm.testing.LiveFarms.PAPER;
import static farmhand.farm.testing.LiveFarms.local;
import static farmhand.farm.testing.LiveFarms.runToEnd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import farmhand.farm.backend.CompletedTask;
import farmhand.farm.backend.EpisodeSpec;
import farmhand.farm.queue.DeadLetterReason;
import farmhand.farm.queue.FarmAccount;
import farmhand.farm.testing.LiveFarms;
import farmhand.farm.testing.TestRedis;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LiveFarmBackendTest {

    private static final double COMPRESSION = 40;

    @Test
    void aStaticLiveFarmCollectsEveryTaskOnceAndTheAccountBalances() {
        // Deadlines shrink with the time compression, so a loaded machine costs QoS: compress less here and
        // check only that the farm is far from collapse; the measured QoS belongs in reports, not in this test.
        try (LiveFarmBackend farm = local(TestRedis.url(), "static:", 20)) {
            farm.start(new EpisodeSpec(PAPER, 16, 42));
            List<CompletedTask> done = runToEnd(farm);
            assertEquals(1140, done.size());
            Set<Integer> ids = new HashSet<>();
            done.forEach(c -> ids.add(c.taskId()));
            assertEquals(1140, ids.size());
            assertEquals(new FarmAccount(1140, 1140, Map.of(), 0, 0, 0, 0, 0), farm.account().orElseThrow());
            long met = done.stream().filter(CompletedTask::metDeadline).count();
            assertTrue(met > 0.5 * 1140, "16 workers should meet most deadlines, met " + met);
            // each function keeps its own model clock from the episode's epoch start (as separate processes
            // must): they agree within a skew far below a task's 46 ms shortest service time
            double skewSeconds = 0.01;
            for (CompletedTask c : done) {
                assertTrue(c.collectSeconds() >= c.workStartSeconds() + c.serviceSeconds() - skewSeconds,
                        "task " + c.taskId() + " collected at " + c.collectSeconds() + ", before its work ended at "
                                + (c.workStartSeconds() + c.serviceSeconds()));
            }
            assertNull(farm.health().disturbedReason(8), farm.health().toString());
        }
    }

    @Test
    void scalingUpWaitsForStartAndScalingDownRemovesAnIdleWorker() {
        try (LiveFarmBackend farm = local(TestRedis.url(), "scale:", COMPRESSION)) {
            farm.start(new EpisodeSpec(PAPER, 4, 1));
            var up = farm.scale(+1);
            assertEquals(1, up.appliedDelta());
            assertTrue(up.scalingSeconds() >= 4.0, "the measured OpenFaaS scale-up takes >= 4.7 s, took "
                    + up.scalingSeconds());
            assertEquals(5, farm.telemetry().workers());
            assertTrue(farm.platform().deployed().contains("worker-5"));
            var down = farm.scale(-1);
            assertEquals(-1, down.appliedDelta());
            assertEquals(4, farm.telemetry().workers());
            assertEquals(4, farm.platform().deployed().stream().filter(n -> n.startsWith("worker-")).count());
        }
    }

    @Test
    void theSameSeedGivesTheSameScaleUpLatencyWhateverRanBefore() {
        try (LiveFarmBackend farm = local(TestRedis.url(), "seeded:", COMPRESSION)) {
            farm.start(new EpisodeSpec(PAPER, 2, 5));
            double first = farm.scale(+1).scalingSeconds();
            farm.scale(+1);
            farm.start(new EpisodeSpec(PAPER, 2, 5));
            double again = farm.scale(+1).scalingSeconds();
            // the draw is the same; the wall time around it differs by a few milliseconds (x 40)
            assertEquals(first, again, 1.0, "a scale-up drawn from the episode's seed, not from the history");
        }
    }

    @Test
    void aWorkerKilledMidTaskLosesNothing() {
        try (LiveFarmBackend farm = local(TestRedis.url(), "kill:", COMPRESSION)) {
            farm.start(new EpisodeSpec(PAPER, 6, 7));
            farm.advanceTo(70); // phase 2: every worker is busy
            farm.platform().kill("worker-2");
            farm.platform().kill("worker-5");
            List<CompletedTask> done = runToEnd(farm);

            FarmAccount account = farm.account().orElseThrow();
            farmhand.farm.testing.FaultTable.row("two worker threads killed mid-task", account, farm.health(), 8);
            assertTrue(farm.crashes() >= 2, "the reaper saw " + farm.crashes() + " crashes");
            assertTrue(account.redelivered() >= 1, "no in-flight task was delivered again: " + account);
            assertEquals(1140, account.collected(), account.describe());
            assertEquals(0, account.lost(), account.describe());
            assertTrue(account.balances(), account.describe());
            assertEquals(1140, done.size());
        }
    }

    @Test
    void aCollectorKilledMidEpisodeIsRedeployedAndLosesNothing() {
        try (LiveFarmBackend farm = local(TestRedis.url(), "killcol:", COMPRESSION)) {
            farm.start(new EpisodeSpec(PAPER, 12, 9));
            farm.advanceTo(70);
            farm.platform().kill("collector");
            farm.advanceTo(110);
            farm.platform().kill("collector");
            runToEnd(farm);

            FarmAccount account = farm.account().orElseThrow();
            farmhand.farm.testing.FaultTable.row("collector killed twice", account, farm.health(), 8);
            assertTrue(farm.crashes() >= 2, "the reaper saw " + farm.crashes() + " crashes");
            assertEquals(1140, account.collected(), account.describe());
            assertEquals(0, account.lost(), account.describe());
        }
    }

    @Test
    void anEmitterKilledMidEpisodeIsRedeployedAndResumesWithoutLosingOrRepeatingATask() {
        try (LiveFarmBackend farm = local(TestRedis.url(), "killemit:", COMPRESSION)) {
            farm.start(new EpisodeSpec(PAPER, 12, 11));
            farm.advanceTo(70); // phase 2: the emitter is pushing a burst
            farm.platform().kill("emitter");
            farm.advanceTo(150);
            farm.platform().kill("emitter");
            List<CompletedTask> done = runToEnd(farm);

            FarmAccount account = farm.account().orElseThrow();
            farmhand.farm.testing.FaultTable.row("emitter killed twice", account, farm.health(), 8);
            assertTrue(farm.crashes() >= 2, "the reaper saw " + farm.crashes() + " crashes");
            assertEquals(1140, account.generated(), "every task pushed exactly once: " + account.describe());
            assertEquals(1140, account.collected(), account.describe());
            assertEquals(0, account.duplicates(), account.describe());
            assertEquals(0, account.lost(), account.describe());
            assertEquals(1140, done.stream().map(CompletedTask::taskId).distinct().count());
            assertEquals(0, farm.telemetry().inputQueue(), "the phase descriptors were pushed once and all taken");
        }
    }

    @Test
    void malformedTasksAreDeadLetteredWithTheReasonAndEveryRealTaskIsStillCollected() {
        try (LiveFarmBackend farm = local(TestRedis.url(), "dlq:", COMPRESSION);
             var foreign = LiveFarms.foreignClient(TestRedis.url())) {
            farm.start(new EpisodeSpec(PAPER, 16, 3));
            farm.advanceTo(20);
            String queue = "dlq:run:" + farm.runId() + ":worker_queue";
            for (String junk : List.of("this is not a task", "{\"id\": -4}", "[]", "{}", "null")) {
                foreign.lpush(queue, junk);
            }
            List<CompletedTask> done = runToEnd(farm);
            FarmAccount account = farm.account().orElseThrow();
            farmhand.farm.testing.FaultTable.row("5 malformed messages in worker_queue", account, farm.health(), 8);
            // before: the episode ended at 1138 of 1140, one task left in a processing list, and lost 0
            assertEquals(1140, done.size(), account.describe());
            assertEquals(1140, account.collected(), account.describe());
            assertEquals(5L, account.deadLettered().get(DeadLetterReason.MALFORMED), account.describe());
            assertEquals(0, account.deadLetteredTasks());
            assertTrue(account.balances(), account.describe());
            String entry = foreign.lindex("dlq:run:" + farm.runId() + ":dead_letter_queue", 0);
            assertTrue(entry.contains("\"reason\":\"MALFORMED\""), entry);
        }
    }

    /** Kills {@code redis} now and starts it again after {@code millis}, on another thread, as a real outage. */
    private static Thread outageWhileTheFarmRuns(EmbeddedRedis redis, long millis) {
        return Thread.ofVirtual().start(() -> {
            redis.kill();
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                return;
            }
            redis.restart();
        });
    }

    @Test
    void theFarmReconnectsAfterRedisRestartsTheAccountBalancesAndTheOutageIsReported() throws Exception {
        // a killed Redis keeps every acknowledged write only when it flushed each one to disk
        try (EmbeddedRedis redis = EmbeddedRedis.start(EmbeddedRedis.AppendFsync.ALWAYS);
             LiveFarmBackend farm = local(redis.url(), "", COMPRESSION)) {
            farm.start(new EpisodeSpec(PAPER, 16, 5));
            farm.advanceTo(40);
            // the outage happens while the farm runs, as a real one would
            Thread outage = outageWhileTheFarmRuns(redis, 500);
            runToEnd(farm);
            outage.join();
            FarmAccount account = farm.account().orElseThrow();
            farmhand.farm.testing.FaultTable.row("Redis killed, restarted after 0.5 s (always-fsync)", account, farm.health(), 8);
            assertEquals(0, account.lost(), account.describe());
            assertTrue(account.collected() >= 1140 - account.deadLetteredTasks(), account.describe());
            var health = farm.health();
            assertTrue(health.redisOutages() >= 1, "the outage was not counted: " + health);
            // 0.5 s of wall time at compression 40 is 20 model seconds: longer than a control step
            assertNotNull(health.disturbedReason(8), "an outage of " + health.longestOutageModelSeconds()
                    + " model s was not flagged");
        }
    }

    @Test
    void aRedisThatLosesItsLastSecondOfWritesInARestartMarksTheEpisodeDisturbed() throws Exception {
        // the finding: Redis with appendfsync everysec killed and restarted within 3 s mid-episode gave exit 0
        try (EmbeddedRedis redis = EmbeddedRedis.start(EmbeddedRedis.AppendFsync.EVERY_SECOND);
             LiveFarmBackend farm = local(redis.url(), "", 20)) {
            farm.start(new EpisodeSpec(PAPER, 16, 5));
            farm.advanceTo(70);
            Thread outage = outageWhileTheFarmRuns(redis, 2_500);
            runToEnd(farm);
            outage.join();
            FarmAccount account = farm.account().orElseThrow();
            farmhand.farm.testing.FaultTable.row("Redis (everysec) killed, restarted after 2.5 s", account,
                    farm.health(), 8);
            String reason = farm.health().disturbedReason(8);
            assertNotNull(reason, "an outage of " + farm.health().longestOutageModelSeconds() + " model s: "
                    + account.describe());
            assertTrue(reason.startsWith("Redis was unreachable for"), reason);
            assertEquals(0, farm.health().crashes() + farm.health().hung(),
                    "an outage of Redis itself was taken for dead or hung functions: " + farm.health());
        }
    }
}
