package farmhand.farm.live;

import static farmhand.farm.testing.LiveFarms.PAPER;
import static farmhand.farm.testing.LiveFarms.options;
import static farmhand.farm.testing.LiveFarms.runToEnd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import farmhand.farm.backend.EpisodeSpec;
import farmhand.farm.platform.LatencyProfile;
import farmhand.farm.platform.LocalPlatform;
import farmhand.farm.platform.ProcessPlatform;
import farmhand.farm.queue.DeadLetterReason;
import farmhand.farm.queue.FarmAccount;
import farmhand.farm.queue.LivenessSettings;
import farmhand.farm.testing.ForwardingPlatform;
import farmhand.farm.testing.LiveFarms;
import farmhand.farm.testing.TestRedis;
import farmhand.farm.workload.Task;
import farmhand.farm.workload.Workload;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Dead and hung functions found across processes: by heartbeats and visibility timeouts kept in Redis,
 * not by watching threads of this JVM.
 */
@Tag("faults")
class CrossProcessLivenessTest {

    /**
     * Heartbeats every 0.25 s, gone after 1.5 s, so a dead process is found quickly; visibility timeouts far
     * longer (at least 100 model s, 10 s wall), so only the heartbeat can find it.
     */
    private static final LivenessSettings QUICK = new LivenessSettings(0.25, 1.5, 20, 100, 3);

    /**
     * A test double of a remote platform (a container engine or a gateway seen from afar): it runs functions as
     * processes but, like a remote one, never tells when one died, so only the heartbeat can.
     */
    private static final class BlindProcessPlatform extends ForwardingPlatform<ProcessPlatform> {
        final ProcessPlatform processes;

        BlindProcessPlatform() {
            super(new ProcessPlatform());
            processes = delegate;
        }

        @Override public String name() {
            return "blind-process";
        }

        @Override public boolean exited(String name) {
            return false;
        }
    }

    @Test
    void aWorkerProcessKilledWithSigkillMidTaskIsFoundByItsHeartbeatAndItsTaskDeliveredAgain() {
        BlindProcessPlatform[] platform = new BlindProcessPlatform[1];
        try (LiveFarmBackend farm = LiveFarms.on(options(TestRedis.url(), "proc-kill:", 10).withLiveness(QUICK),
                o -> platform[0] = new BlindProcessPlatform())) {
            farm.start(new EpisodeSpec(PAPER, 4, 7));
            farm.advanceTo(75); // phase 2 with 4 workers: every worker holds a task
            ProcessHandle worker = platform[0].processes.process("worker-2");
            assertTrue(worker != null && worker.isAlive(), "worker-2 runs as a process of its own");
            assertTrue(worker.pid() != ProcessHandle.current().pid());
            worker.destroyForcibly(); // kill -9: no shutdown hook, no goodbye
            runToEnd(farm);
            FarmAccount account = farm.account().orElseThrow();
            farmhand.farm.testing.FaultTable.row("worker process kill -9 mid-task", account, farm.health(), 8);
            assertTrue(farm.crashes() >= 1, "the dead worker was not found by its heartbeat: " + account.describe()
                    + ", " + farm.health());
            assertTrue(account.redelivered() >= 1, "its task was not delivered again: " + account.describe());
            assertEquals(1140, account.collected(), account.describe());
            assertTrue(account.balances(), account.describe());
            assertEquals(4, farm.telemetry().workers());
        }
    }

    @Test
    void aHungTaskIsTakenBackAfterItsVisibilityTimeoutAndDeadLetteredAfterThreeDeliveries() {
        List<Task> tasks = new ArrayList<>(PAPER.tasks());
        Task t = tasks.get(100);
        // a task that would hold a worker for the whole episode (and far beyond)
        tasks.set(100, new Task(t.id(), t.phase(), t.generationSeconds(), t.expectedSeconds(), t.imageSizePx(),
                t.deadlineSeconds(), 1e9));
        Workload withHungTask = new Workload(PAPER.seed(), tasks, PAPER.phaseOrder(), PAPER.phaseStartSeconds(),
                PAPER.generationEndSeconds());
        LivenessSettings visibility = new LivenessSettings(0.5, 3, 1, 10, 3);
        try (LiveFarmBackend farm = LiveFarms.on(options(TestRedis.url(), "hung:", 40).withLiveness(visibility),
                o -> new LocalPlatform(LatencyProfile.openFaasMeasured(), o.compression()))) {
            farm.start(new EpisodeSpec(withHungTask, 16, 3));
            runToEnd(farm);
            FarmAccount account = farm.account().orElseThrow();
            farmhand.farm.testing.FaultTable.row("hung task (1e9 s) past visibility timeout", account, farm.health(), 8);
            // before: the task held a worker for the whole episode and nothing noticed
            assertEquals(3, farm.health().hung(), "one hung worker per delivery: " + account.describe());
            assertEquals(1L, account.deadLettered().get(DeadLetterReason.MAX_DELIVERIES), account.describe());
            assertEquals(2, account.redelivered(), account.describe());
            assertEquals(1139, account.collected(), account.describe());
            assertTrue(account.balances(), account.describe());
            assertEquals(16, farm.telemetry().workers(), "every hung worker was replaced");
        }
    }
}
