package farmhand.farm.live;

import static farmhand.farm.testing.LiveFarms.PAPER;
import static farmhand.farm.testing.LiveFarms.local;
import static farmhand.farm.testing.LiveFarms.runToEnd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import farmhand.farm.backend.CompletedTask;
import farmhand.farm.backend.EpisodeSpec;
import farmhand.farm.queue.DeadLetterReason;
import farmhand.farm.queue.FarmAccount;
import farmhand.farm.queue.Messages;
import farmhand.farm.queue.TaskMessage;
import farmhand.farm.testing.LiveFarms;
import farmhand.farm.testing.TestRedis;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Farms sharing a Redis, and foreign messages in the farm's queues: nothing foreign is ever counted. */
@Tag("faults")
class FarmIsolationTest {

    private static final double COMPRESSION = 40;

    private static String result(String run, int id) {
        return Messages.encode(new TaskMessage(run, id, 1, 0.5, 1.0, 2048, 2.0, 1.0, 0.5, "worker-1", 0.6, 1.6,
                Double.NaN));
    }

    @Test
    void aSecondFarmOnTheSamePrefixIsRefusedNamingThePrefixAndTheHolder() {
        try (LiveFarmBackend first = local(TestRedis.url(), "shared:", COMPRESSION);
             LiveFarmBackend second = local(TestRedis.url(), "shared:", COMPRESSION)) {
            first.start(new EpisodeSpec(PAPER, 16, 1));
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> second.start(new EpisodeSpec(PAPER, 2, 1)));
            assertTrue(e.getMessage().contains("'shared:'"), e.getMessage());
            assertTrue(e.getMessage().contains("in use by another live farm (farm of pid"), e.getMessage());
            // the first one is untouched: it still runs its episode to the end
            assertEquals(1140, runToEnd(first).size());
        }
    }

    @Test
    void twoFarmsWithDifferentPrefixesRunAtOnceOnOneRedisAndEachCollectsItsOwnTasks() throws Exception {
        try (LiveFarmBackend a = local(TestRedis.url(), "farm-a:", 20);
             LiveFarmBackend b = local(TestRedis.url(), "farm-b:", 20)) {
            CompletableFuture<List<CompletedTask>> ra = CompletableFuture.supplyAsync(() -> {
                a.start(new EpisodeSpec(PAPER, 14, 1));
                return runToEnd(a);
            });
            b.start(new EpisodeSpec(PAPER, 14, 2));
            List<CompletedTask> rb = runToEnd(b);
            assertEquals(1140, ra.get().size());
            assertEquals(1140, rb.size());
            for (LiveFarmBackend farm : List.of(a, b)) {
                FarmAccount account = farm.account().orElseThrow();
                assertEquals(new FarmAccount(1140, 1140, java.util.Map.of(), 0, 0, 0, 0, 0), account, account.describe());
            }
        }
    }

    @Test
    void foreignResultsAreDeadLetteredWithTheirReasonAndNeverCounted() {
        try (LiveFarmBackend farm = local(TestRedis.url(), "foreign:", COMPRESSION);
             var foreign = LiveFarms.foreignClient(TestRedis.url())) {
            farm.start(new EpisodeSpec(PAPER, 16, 4));
            farm.advanceTo(30);
            String results = "foreign:run:" + farm.runId() + ":result_queue";
            for (int i = 0; i < 300; i++) {
                foreign.lpush(results, result("another-run", i)); // another farm's results
                foreign.lpush(results, result(farm.runId(), 5000 + i)); // ids this run never emitted
            }
            List<CompletedTask> done = runToEnd(farm);
            FarmAccount account = farm.account().orElseThrow();
            farmhand.farm.testing.FaultTable.row("600 foreign results in result_queue", account, farm.health(), 8);
            // before: all 600 were recorded (collected: 1739 of 1140)
            assertEquals(1140, account.collected(), account.describe());
            assertEquals(1140, done.size());
            assertEquals(300L, account.deadLettered().get(DeadLetterReason.FOREIGN_RUN), account.describe());
            assertEquals(300L, account.deadLettered().get(DeadLetterReason.UNKNOWN_TASK), account.describe());
            assertTrue(account.balances(), account.describe());
        }
    }

    @Test
    void garbageInTheOutputQueueIsSkippedAndReportedInsteadOfCrashingTheRun() {
        try (LiveFarmBackend farm = local(TestRedis.url(), "garbage:", COMPRESSION);
             var foreign = LiveFarms.foreignClient(TestRedis.url())) {
            farm.start(new EpisodeSpec(PAPER, 16, 6));
            farm.advanceTo(30);
            String output = "garbage:run:" + farm.runId() + ":output_queue";
            foreign.rpush(output, "garbage");
            foreign.rpush(output, result("another-run", 3));
            List<CompletedTask> done = runToEnd(farm);
            assertEquals(1140, done.size());
            assertEquals(2, farm.health().foreignOutputs());
            assertEquals(1140, farm.telemetry().outputQueue(), "the observation counts collected tasks, not entries");
        }
    }

    @Test
    void aTaskThatVanishesIsMeasuredAsLostAndTheAccountSaysItDoesNotBalance() {
        try (LiveFarmBackend farm = local(TestRedis.url(), "vanish:", COMPRESSION);
             var foreign = LiveFarms.foreignClient(TestRedis.url())) {
            farm.start(new EpisodeSpec(PAPER, 4, 8));
            farm.advanceTo(80); // phase 2 with 4 workers: a backlog waits
            String queue = "vanish:run:" + farm.runId() + ":worker_queue";
            String taken = foreign.rpop(queue); // somebody else takes a task and never gives it back
            assertTrue(taken != null, "a backlog was expected");
            runToEnd(farm);
            FarmAccount account = farm.account().orElseThrow();
            farmhand.farm.testing.FaultTable.row("a task taken away by a foreign client", account, farm.health(), 8);
            // before: lost was the constant 0
            assertEquals(1, account.lost(), account.describe());
            assertFalse(account.balances());
            assertTrue(account.describe().contains("does NOT balance: 1 task(s) missing"), account.describe());
            assertEquals(1, farm.telemetry().lost());
        }
    }

    @Test
    void anEpisodeLeavesNoKeysBehindOnASharedRedis() {
        try (var foreign = LiveFarms.foreignClient(TestRedis.url())) {
            try (LiveFarmBackend farm = local(TestRedis.url(), "tidy:", COMPRESSION)) {
                farm.start(new EpisodeSpec(PAPER, 8, 1));
                farm.advanceTo(16);
                farm.start(new EpisodeSpec(PAPER, 8, 2)); // the first run's keys go when the second starts
                farm.advanceTo(16);
            }
            var keys = foreign.keys("tidy:*");
            assertTrue(keys.isEmpty(), "left behind: " + keys);
        }
    }

    @Test
    void garbageInTheControlAndStartQueuesIsIgnoredAndScalingStillWorks() {
        try (LiveFarmBackend farm = local(TestRedis.url(), "ctl-junk:", COMPRESSION);
             var foreign = LiveFarms.foreignClient(TestRedis.url())) {
            farm.start(new EpisodeSpec(PAPER, 12, 2));
            String base = "ctl-junk:run:" + farm.runId() + ":";
            foreign.lpush(base + "worker_control_syn_queue", "REBOOT-EVERYTHING");
            foreign.lpush(base + "worker_control_ack_queue", "not-a-worker", "worker-99");
            foreign.lpush(base + "worker_start_queue", "worker-7");
            farm.advanceTo(16);
            assertEquals(-1, farm.scale(-1).appliedDelta());
            assertEquals(1, farm.scale(+1).appliedDelta());
            assertEquals(12, farm.telemetry().workers());
            runToEnd(farm);
            FarmAccount account = farm.account().orElseThrow();
            farmhand.farm.testing.FaultTable.row("junk in control, ACK and start queues", account, farm.health(), 8);
            assertEquals(1140, account.collected(), account.describe());
            assertTrue(account.balances(), account.describe());
        }
    }
}
