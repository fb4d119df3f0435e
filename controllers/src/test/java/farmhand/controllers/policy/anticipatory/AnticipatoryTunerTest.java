package farmhand.controllers.policy.anticipatory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import farmhand.controllers.env.EnvironmentConfig;
import farmhand.controllers.env.FarmEnvironment;
import farmhand.controllers.reward.RewardConfig;
import farmhand.controllers.reward.RewardFunction;
import farmhand.farm.sim.SimulatedFarm;
import farmhand.farm.workload.WorkloadConfig;
import farmhand.farm.workload.WorkloadGenerator;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnticipatoryTunerTest {

    private static final List<Long> SEEDS = List.of(1000L, 1001L, 1002L, 1003L);

    private static FarmEnvironment env() {
        return new FarmEnvironment(SimulatedFarm.paper(), new WorkloadGenerator(WorkloadConfig.paper()),
                EnvironmentConfig.paper(), new RewardFunction(RewardConfig.DEFAULT));
    }

    private static AnticipatoryTuner.Grid peaks(List<Integer> peak) {
        return new AnticipatoryTuner.Grid(List.of(12), List.of(30), peak, List.of(0), List.of(13), List.of(12),
                List.of(25), List.of(3));
    }

    @Test
    void theWinnerHasTheFewestWorkersAmongCandidatesThatMeetTheTarget() {
        try (FarmEnvironment env = env()) {
            var result = new AnticipatoryTuner(env).search(peaks(List.of(14, 16, 18)), SEEDS, 0.95, 30);
            assertEquals(3, result.candidates().size());
            assertNotNull(result.best());
            for (var c : result.candidates()) {
                if (c.finalQos() >= 0.95) {
                    assertTrue(result.best().meanWorkers() <= c.meanWorkers(), c + " beats " + result.best());
                }
            }
            assertTrue(result.best().finalQos() >= 0.95);
        }
    }

    @Test
    void aTighterScalingBudgetExcludesCandidatesThatScaleMore() {
        try (FarmEnvironment env = env()) {
            var result = new AnticipatoryTuner(env).search(peaks(List.of(14, 18)), SEEDS, 0.0, 6);
            var best = result.best();
            assertNotNull(best);
            assertEquals(14, best.config().peakWorkers(), "a peak of 18 needs >= 6 up and 5 down actions");
            assertTrue(best.maxScalingActions() <= 6);
        }
    }

    @Test
    void noWinnerWhenNoCandidateReachesTheTarget() {
        try (FarmEnvironment env = env()) {
            assertNull(new AnticipatoryTuner(env).search(peaks(List.of(13)), SEEDS, 1.01, 30).best());
        }
    }
}
