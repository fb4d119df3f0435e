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

    private static FarmEnvironment env(farmhand.farm.workload.NamedWorkload w) {
        return new FarmEnvironment(SimulatedFarm.paper(), new WorkloadGenerator(w.apply(WorkloadConfig.paper(), null)),
                EnvironmentConfig.paper(), new RewardFunction(RewardConfig.DEFAULT));
    }

    @Test
    void theLoadFollowingWinnerMeetsEveryWorkloadsBarWithTheFewestWorkersOnThePrimaryWorkload() {
        java.util.Map<String, FarmEnvironment> envs = new java.util.LinkedHashMap<>();
        envs.put("paper", env(farmhand.farm.workload.NamedWorkload.PAPER));
        envs.put("shuffled", env(farmhand.farm.workload.NamedWorkload.SHUFFLED));
        List<LoadResponse> candidates = new AnticipatoryTuner.ResponseGrid(List.of(12, 14, 16), List.of(80), List.of(2),
                List.of(25), List.of(2)).candidates();
        var result = AnticipatoryTuner.searchResponse(AnticipatoryConfig.tuned(), candidates, envs, "paper", SEEDS,
                0.95, 0.95, 30);
        assertEquals(3, result.candidates().size());
        assertNotNull(result.best());
        for (var c : result.candidates()) {
            assertEquals(java.util.Set.of("paper", "shuffled"), c.perWorkload().keySet());
            if (c.worstQos() >= 0.95 && c.perWorkload().get("paper").finalQos() >= 0.95) {
                assertTrue(result.best().perWorkload().get("paper").meanWorkers()
                        <= c.perWorkload().get("paper").meanWorkers() + 0.005, c + " beats " + result.best());
            }
        }
        assertTrue(result.best().worstQos() >= 0.95);
        assertNull(AnticipatoryTuner.searchResponse(AnticipatoryConfig.tuned(), candidates, envs, "paper", SEEDS,
                0.95, 1.01, 30).best(), "no candidate reaches 101 %");
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> AnticipatoryTuner.searchResponse(AnticipatoryConfig.tuned(), candidates, envs, "ramp", SEEDS,
                        0.95, 0.95, 30));
        assertTrue(e.getMessage().contains("'ramp'"), e.getMessage());
        envs.values().forEach(FarmEnvironment::close);
    }
}
