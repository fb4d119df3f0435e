package farmhand.farm.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import farmhand.farm.backend.CompletedTask;
import farmhand.farm.backend.EpisodeSpec;
import farmhand.farm.platform.LatencyProfile;
import farmhand.farm.platform.LocalPlatform;
import farmhand.farm.queue.QueueNames;
import farmhand.farm.queue.RedisQueues;
import farmhand.farm.testing.TestRedis;
import farmhand.farm.workload.Workload;
import farmhand.farm.workload.WorkloadConfig;
import farmhand.farm.workload.WorkloadGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LiveFarmBackendTest {

    private static final double COMPRESSION = 40;
    private static final Workload WORKLOAD = new WorkloadGenerator(WorkloadConfig.paper()).generate(42);

    private static LiveFarmBackend farm(String url, String prefix) {
        return farm(url, prefix, COMPRESSION);
    }

    private static LiveFarmBackend farm(String url, String prefix, double compression) {
        RedisQueues queues = new RedisQueues(url, new QueueNames(prefix), Duration.ofSeconds(30));
        LocalPlatform platform = new LocalPlatform(LatencyProfile.openFaasMeasured(), compression, 1);
        return new LiveFarmBackend(queues, platform, LatencyProfile.openFaasMeasured(), compression, 0.1);
    }

    /** Runs the farm until every task is accounted for (or 700 model seconds), returning what was collected. */
    private static List<CompletedTask> runToEnd(LiveFarmBackend farm) {
        List<CompletedTask> all = new ArrayList<>();
        for (double t = 8; t <= 700; t += 8) {
            farm.advanceTo(t);
            boolean drained = farm.telemetry().drained(); // read before draining: nothing arrives after it
            all.addAll(farm.drainCollected());
            if (drained) {
                break;
            }
        }
        return all;
    }

    @Test
    void aStaticLiveFarmCollectsEveryTaskOnceAndTheAccountBalances() {
        // Deadlines shrink with the time compression, so a loaded machine costs QoS: compress less here and
        // check only that the farm is far from collapse; the measured QoS belongs in reports, not in this test.
        try (LiveFarmBackend farm = farm(TestRedis.url(), "static:", 20)) {
            farm.start(new EpisodeSpec(WORKLOAD, 16, 42));
            List<CompletedTask> done = runToEnd(farm);
            assertEquals(1140, done.size());
            Set<Integer> ids = new HashSet<>();
            done.forEach(c -> ids.add(c.taskId()));
            assertEquals(1140, ids.size());
            EpisodeAccount account = farm.account();
            assertEquals(new EpisodeAccount(1140, 1140, 0, 0, 0, 0), account);
            long met = done.stream().filter(CompletedTask::metDeadline).count();
            assertTrue(met > 0.5 * 1140, "16 workers should meet most deadlines, met " + met);
            for (CompletedTask c : done) {
                assertTrue(c.collectSeconds() >= c.workStartSeconds() + c.serviceSeconds() - 1e-6);
            }
        }
    }

    @Test
    void scalingUpWaitsForStartAndScalingDownRemovesAnIdleWorker() {
        try (LiveFarmBackend farm = farm(TestRedis.url(), "scale:")) {
            farm.start(new EpisodeSpec(WORKLOAD, 4, 1));
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
    void aWorkerKilledMidTaskLosesNothing() {
        try (LiveFarmBackend farm = farm(TestRedis.url(), "kill:")) {
            farm.start(new EpisodeSpec(WORKLOAD, 6, 7));
            farm.advanceTo(70); // phase 2: every worker is busy
            ((LocalPlatform) farm.platform()).kill("worker-2");
            ((LocalPlatform) farm.platform()).kill("worker-5");
            List<CompletedTask> done = runToEnd(farm);
            EpisodeAccount account = farm.account();
            assertTrue(farm.crashes() >= 2, "the reaper saw " + farm.crashes() + " crashes");
            assertTrue(account.recovered() >= 1, "no in-flight task was recovered: " + account);
            assertEquals(1140, account.collected(), account.toString());
            assertEquals(0, account.lost(), account.toString());
            assertTrue(account.balances(), account.toString());
            assertTrue(done.size() <= 1140);
        }
    }

    @Test
    void aCollectorKilledMidEpisodeIsRedeployedAndLosesNothing() {
        try (LiveFarmBackend farm = farm(TestRedis.url(), "killcol:")) {
            farm.start(new EpisodeSpec(WORKLOAD, 12, 9));
            farm.advanceTo(70);
            ((LocalPlatform) farm.platform()).kill("collector");
            farm.advanceTo(110);
            ((LocalPlatform) farm.platform()).kill("collector");
            runToEnd(farm);
            EpisodeAccount account = farm.account();
            assertTrue(farm.crashes() >= 2, "the reaper saw " + farm.crashes() + " crashes");
            assertEquals(1140, account.collected(), account.toString());
            assertEquals(0, account.lost(), account.toString());
            assertTrue(account.balances(), account.toString());
        }
    }

    @Test
    void anEmitterKilledMidEpisodeIsRedeployedAndResumesWithoutLosingOrRepeatingATask() {
        try (LiveFarmBackend farm = farm(TestRedis.url(), "killemit:")) {
            farm.start(new EpisodeSpec(WORKLOAD, 12, 11));
            farm.advanceTo(70); // phase 2: the emitter is pushing a burst
            ((LocalPlatform) farm.platform()).kill("emitter");
            farm.advanceTo(150);
            ((LocalPlatform) farm.platform()).kill("emitter");
            List<CompletedTask> done = runToEnd(farm);
            EpisodeAccount account = farm.account();
            assertTrue(farm.crashes() >= 2, "the reaper saw " + farm.crashes() + " crashes");
            assertEquals(1140, account.generated(), "every task pushed exactly once: " + account);
            assertEquals(1140, account.collected(), account.toString());
            assertEquals(0, account.duplicates(), account.toString());
            assertEquals(0, account.lost(), account.toString());
            assertEquals(1140, done.stream().map(CompletedTask::taskId).distinct().count());
            try (RedisQueues view = new RedisQueues(TestRedis.url(), new QueueNames("killemit:"), Duration.ofSeconds(5))) {
                assertEquals(0, view.client().llen(view.names().input()),
                        "the phase descriptors were pushed once and all taken");
            }
        }
    }

    @Test
    void malformedMessagesAreDeadLetteredAndTheFarmKeepsRunning() {
        RedisQueues extra = new RedisQueues(TestRedis.url(), new QueueNames("dlq:"), Duration.ofSeconds(5));
        try (LiveFarmBackend farm = farm(TestRedis.url(), "dlq:")) {
            farm.start(new EpisodeSpec(WORKLOAD, 16, 3));
            farm.advanceTo(20);
            extra.enqueueRaw("this is not a task");
            extra.enqueueRaw("{\"id\": -4}");
            runToEnd(farm);
            EpisodeAccount account = farm.account();
            assertEquals(new EpisodeAccount(1142, 1140, 2, 0, 0, 0), account);
            String entry = extra.client().lindex("dlq:dead_letter_queue", 0);
            assertTrue(entry.contains("reason"), entry);
        } finally {
            extra.close();
        }
    }

    @Test
    void theFarmReconnectsAfterRedisRestartsAndTheAccountBalances() throws Exception {
        // a killed Redis keeps every acknowledged write only when it flushed each one to disk
        try (EmbeddedRedis redis = EmbeddedRedis.start(EmbeddedRedis.AppendFsync.ALWAYS);
             LiveFarmBackend farm = farm(redis.url(), "")) {
            farm.start(new EpisodeSpec(WORKLOAD, 16, 5));
            farm.advanceTo(40);
            redis.kill();
            Thread.sleep(300);
            redis.restart();
            runToEnd(farm);
            EpisodeAccount account = farm.account();
            assertEquals(0, account.lost(), account.toString());
            assertTrue(account.balances(), account.toString());
            assertTrue(account.collected() >= 1140 - account.deadLettered(), account.toString());
        }
    }
}
