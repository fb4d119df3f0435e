package farmhand.controllers.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import farmhand.controllers.env.EnvironmentConfig;
import farmhand.controllers.env.FarmEnvironment;
import farmhand.controllers.eval.EpisodeMetrics;
import farmhand.controllers.eval.Evaluator;
import farmhand.controllers.policy.fixed.StaticPolicy;
import farmhand.controllers.reward.RewardConfig;
import farmhand.controllers.reward.RewardFunction;
import farmhand.farm.sim.SimulatedFarm;
import farmhand.farm.workload.WorkloadConfig;
import farmhand.farm.workload.WorkloadGenerator;
import java.util.List;
import org.junit.jupiter.api.Test;

class OraclePlannerTest {

    private static final List<Long> SEEDS = List.of(42L, 43L, 44L);
    private static final WorkloadGenerator WORKLOADS = new WorkloadGenerator(WorkloadConfig.paper());
    private static final OraclePlanner.Grid SMALL = new OraclePlanner.Grid(List.of(12), List.of(15, 17, 19),
            List.of(12, 14, 16), List.of(11, 13, 16), List.of(16.0, 32.0), List.of(0.0));

    private static FarmEnvironment env() {
        return new FarmEnvironment(SimulatedFarm.paper(), WORKLOADS, EnvironmentConfig.paper(),
                new RewardFunction(RewardConfig.DEFAULT));
    }

    @Test
    void theFrontierNeedsMoreWorkersForAHigherQosTarget() {
        try (FarmEnvironment env = env()) {
            var f = new OraclePlanner(env, WORKLOADS).frontier(SMALL, SEEDS, List.of(0.95, 0.98, 0.99));
            assertEquals(54, f.schedules());
            var reached = f.points().stream().filter(OraclePlanner.FrontierPoint::reached).toList();
            assertFalse(reached.isEmpty());
            for (int i = 1; i < reached.size(); i++) {
                assertTrue(reached.get(i).meanWorkers() >= reached.get(i - 1).meanWorkers(), f.toString());
            }
            for (var p : reached) {
                assertTrue(p.finalQos() >= p.qosTarget(), p.toString());
            }
        }
    }

    @Test
    void theOracleNeedsNoMoreWorkersThanFixedProvisioningAtItsQos() {
        try (FarmEnvironment env = env()) {
            List<EpisodeMetrics> fixed = new Evaluator(env).evaluate(new StaticPolicy(), SEEDS, 16, m -> { }).episodes();
            double fixedQos = fixed.stream().mapToDouble(EpisodeMetrics::finalQos).average().orElseThrow();
            var f = new OraclePlanner(env, WORKLOADS).frontier(SMALL, SEEDS, List.of(fixedQos));
            var p = f.points().getFirst();
            assertTrue(p.reached(), "static 16's QoS " + fixedQos + " is within the grid's reach: " + f);
            assertTrue(p.meanWorkers() < 16.0, "the oracle used " + p.meanWorkers() + " workers for " + fixedQos);
            assertEquals(p.meanWorkers(), f.workersAt(p.finalQos()), 1e-9);
            assertTrue(Double.isNaN(f.workersAt(p.finalQos() - 0.01)), "below the frontier's range");
            assertTrue(f.qosAt(16.0) >= fixedQos);
        }
    }

    @Test
    void anUnreachableTargetIsReportedAsNotReached() {
        try (FarmEnvironment env = env()) {
            var f = new OraclePlanner(env, WORKLOADS).frontier(SMALL, List.of(42L), List.of(1.01));
            assertFalse(f.points().getFirst().reached());
            assertTrue(Double.isNaN(f.workersAt(1.01)));
        }
    }

    @Test
    void aScheduleRaisesItsLevelLeadSecondsEarlyAndLowersItHoldSecondsLate() {
        PhaseSchedule s = new PhaseSchedule(12, 18, 14, 11, 10, 5);
        double[] starts = {0, 45, 105, 165};
        int[] paperOrder = {1, 2, 3, 4};
        assertEquals(12, s.target(34.9, starts, paperOrder));
        assertEquals(18, s.target(35, starts, paperOrder));
        assertEquals(18, s.target(109.9, starts, paperOrder), "phase 2's level is held 5 s into phase 3");
        assertEquals(14, s.target(110, starts, paperOrder));
        assertEquals(14, s.target(169.9, starts, paperOrder));
        assertEquals(11, s.target(170, starts, paperOrder));
    }

    @Test
    void aNegativeHoldDropsToTheComingPhasesLevelBeforeItStarts() {
        PhaseSchedule s = new PhaseSchedule(12, 18, 14, 11, 10, -8);
        double[] starts = {0, 45, 105, 165};
        int[] paperOrder = {1, 2, 3, 4};
        assertEquals(18, s.target(96.9, starts, paperOrder));
        assertEquals(14, s.target(97, starts, paperOrder), "phase 2's claim ends 8 s before phase 3 starts");
        assertEquals(14, s.target(110, starts, paperOrder));
    }

    @Test
    void aScheduleFollowsEachCanonicalPhaseWhereverTheEpisodePlaysIt() {
        PhaseSchedule s = new PhaseSchedule(12, 18, 14, 11, 0, 0);
        double[] starts = {0, 60, 105, 165};
        int[] shuffled = {2, 4, 1, 3};
        assertEquals(18, s.target(10, starts, shuffled), "the burst played first");
        assertEquals(11, s.target(70, starts, shuffled));
        assertEquals(12, s.target(110, starts, shuffled));
        assertEquals(14, s.target(200, starts, shuffled));
    }
}
