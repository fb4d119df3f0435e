package farmhand.farm.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import farmhand.farm.backend.CompletedTask;
import farmhand.farm.backend.EpisodeSpec;
import farmhand.farm.backend.ScaleOutcome;
import farmhand.farm.backend.Telemetry;
import farmhand.farm.platform.LatencyProfile;
import farmhand.farm.workload.Task;
import farmhand.farm.workload.Workload;
import farmhand.farm.workload.WorkloadConfig;
import farmhand.farm.workload.WorkloadGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimulatedFarmTest {

    private static final Workload WORKLOAD = new WorkloadGenerator(WorkloadConfig.paper()).generate(42);

    private static List<CompletedTask> runToEnd(SimulatedFarm farm, double untilSeconds) {
        List<CompletedTask> all = new ArrayList<>();
        for (double t = 8; t <= untilSeconds; t += 8) {
            farm.advanceTo(t);
            all.addAll(farm.drainCollected());
        }
        return all;
    }

    @Test
    void aStaticFarmCollectsEveryTaskExactlyOnce() {
        SimulatedFarm farm = new SimulatedFarm(SimulatorConfig.paper());
        farm.start(new EpisodeSpec(WORKLOAD, 12, 42));
        List<CompletedTask> done = runToEnd(farm, 800);
        assertEquals(1140, done.size());
        Set<Integer> ids = new HashSet<>();
        done.forEach(c -> ids.add(c.taskId()));
        assertEquals(1140, ids.size(), "duplicate task ids were collected");
        Telemetry t = farm.telemetry();
        assertTrue(t.drained(), "farm not drained: " + t);
        assertEquals(1140, t.outputQueue());
        assertEquals(1140, t.enqueuedTotal());
        assertEquals(0, t.inputQueue());
    }

    @Test
    void tasksStartInFifoOrderAndNeverBeforeTheyAreGenerated() {
        SimulatedFarm farm = new SimulatedFarm(SimulatorConfig.paper());
        farm.start(new EpisodeSpec(WORKLOAD, 4, 1));
        List<CompletedTask> done = runToEnd(farm, 3000);
        done.sort((a, b) -> Integer.compare(a.taskId(), b.taskId()));
        for (int i = 0; i < done.size(); i++) {
            CompletedTask c = done.get(i);
            assertTrue(c.workStartSeconds() >= c.generationSeconds(), "task " + c.taskId() + " started early");
            assertTrue(c.collectSeconds() >= c.workStartSeconds() + c.serviceSeconds() - 1e-9);
            if (i > 0) {
                assertTrue(c.workStartSeconds() >= done.get(i - 1).workStartSeconds(),
                        "task " + c.taskId() + " started before task " + done.get(i - 1).taskId());
            }
        }
    }

    @Test
    void aNewWorkerTakesNoTaskBeforeItsScaleUpLatencyHasPassed() {
        LatencyProfile tenSeconds = LatencyProfile.parametric(Duration.ofSeconds(10), Duration.ZERO,
                Duration.ofSeconds(1), Duration.ZERO);
        SimulatedFarm farm = new SimulatedFarm(SimulatorConfig.paper().withLatencyProfile(tenSeconds));
        farm.start(new EpisodeSpec(WORKLOAD, 1, 3));
        farm.advanceTo(50); // phase 2 is flooding one worker: the queue is long
        ScaleOutcome out = farm.scale(+1);
        assertEquals(1, out.appliedDelta());
        assertEquals(10.0, out.scalingSeconds(), 1e-9);
        assertEquals(60.0, farm.nowSeconds(), 1e-9);
        // with one worker, at most one task may have started in [50, 60)
        farm.drainCollected();
        List<CompletedTask> later = runToEnd(farm, 400);
        long startedDuringScaleUp = later.stream()
                .filter(c -> c.workStartSeconds() > 50.0 + 1e-9 && c.workStartSeconds() < 60.0 - 1e-9).count();
        long startedSoonAfter = later.stream()
                .filter(c -> c.workStartSeconds() >= 60.0 && c.workStartSeconds() < 60.2).count();
        assertTrue(startedSoonAfter >= 1, "the new worker did not pick a task up right after starting");
        assertTrue(startedDuringScaleUp <= 12, "too many tasks started while only one worker ran: " + startedDuringScaleUp);
    }

    @Test
    void severalWorkersInOneScaleStartTogetherAndBlockForTheLongestLatencyNotTheSum() {
        SimulatedFarm together = new SimulatedFarm(SimulatorConfig.paper());
        together.start(new EpisodeSpec(WORKLOAD, 4, 3));
        together.advanceTo(50);
        ScaleOutcome four = together.scale(+4);
        SimulatedFarm oneByOne = new SimulatedFarm(SimulatorConfig.paper());
        oneByOne.start(new EpisodeSpec(WORKLOAD, 4, 3));
        oneByOne.advanceTo(50);
        double sum = 0;
        double longest = 0;
        for (int i = 0; i < 4; i++) {
            double s = oneByOne.scale(+1).scalingSeconds();
            sum += s;
            longest = Math.max(longest, s);
        }
        assertEquals(4, four.appliedDelta());
        assertEquals(longest, four.scalingSeconds(), 1e-9, "the same four sampled latencies, started together");
        assertTrue(four.scalingSeconds() < sum);
        assertEquals(50 + longest, together.nowSeconds(), 1e-9);
        assertEquals(8, together.telemetry().workers());
    }

    @Test
    void aRemovedBusyWorkerFinishesItsTaskAndNothingIsLost() {
        SimulatedFarm farm = new SimulatedFarm(SimulatorConfig.paper());
        farm.start(new EpisodeSpec(WORKLOAD, 8, 5));
        farm.advanceTo(70); // phase 2: all 8 workers busy
        for (int i = 0; i < 6; i++) {
            ScaleOutcome out = farm.scale(-1);
            assertEquals(-1, out.appliedDelta());
            assertTrue(out.scalingSeconds() > 0);
        }
        assertEquals(2, farm.telemetry().workers());
        List<CompletedTask> done = new ArrayList<>(farm.drainCollected());
        done.addAll(runToEnd(farm, 4000));
        assertEquals(1140, farm.telemetry().outputQueue(), "tasks lost after scale-down");
    }

    @Test
    void theLastWorkerCannotBeRemovedTwice() {
        SimulatedFarm farm = new SimulatedFarm(SimulatorConfig.paper().withLatencyProfile(LatencyProfile.instant()));
        farm.start(new EpisodeSpec(WORKLOAD, 1, 5));
        assertEquals(-1, farm.scale(-1).appliedDelta());
        assertEquals(0, farm.scale(-1).appliedDelta());
    }

    @Test
    void sameSeedGivesTheSameCompletions() {
        List<CompletedTask> a = scaledRun(7);
        List<CompletedTask> b = scaledRun(7);
        assertEquals(a, b);
        assertTrue(!a.equals(scaledRun(8)));
    }

    private static List<CompletedTask> scaledRun(long seed) {
        SimulatedFarm farm = SimulatedFarm.paper();
        farm.start(new EpisodeSpec(new WorkloadGenerator(WorkloadConfig.paper()).generate(seed), 6, seed));
        List<CompletedTask> all = new ArrayList<>();
        for (int step = 0; step < 30; step++) {
            if (step % 3 == 0) {
                farm.scale(step < 15 ? +1 : -1);
            }
            farm.advanceTo(8 * (step + 1));
            all.addAll(farm.drainCollected());
        }
        return all;
    }

    @Test
    void withManyInstantWorkersNearlyEveryTaskMeetsItsDeadline() {
        SimulatedFarm farm = new SimulatedFarm(SimulatorConfig.paper().withLatencyProfile(LatencyProfile.instant()));
        farm.start(new EpisodeSpec(WORKLOAD, 32, 1));
        List<CompletedTask> done = runToEnd(farm, 400);
        long met = done.stream().filter(CompletedTask::metDeadline).count();
        assertTrue(met >= 0.99 * done.size(), "only " + met + " of " + done.size() + " met their deadline");
        for (CompletedTask c : done) {
            Task t = WORKLOAD.tasks().get(c.taskId());
            assertTrue(c.queueWaitSeconds() <= 0.2, "task " + t.id() + " waited " + c.queueWaitSeconds() + " s");
        }
    }
}
