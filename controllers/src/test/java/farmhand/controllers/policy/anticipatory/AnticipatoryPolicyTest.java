package farmhand.controllers.policy.anticipatory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import farmhand.controllers.env.Action;
import farmhand.controllers.env.EnvironmentConfig;
import farmhand.controllers.env.FarmEnvironment;
import farmhand.controllers.env.Observation;
import farmhand.controllers.env.StepInfo;
import farmhand.controllers.eval.EpisodeMetrics;
import farmhand.controllers.eval.Evaluator;
import farmhand.controllers.reward.RewardConfig;
import farmhand.controllers.reward.RewardFunction;
import farmhand.farm.sim.SimulatedFarm;
import farmhand.farm.workload.WorkloadConfig;
import farmhand.farm.workload.WorkloadGenerator;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnticipatoryPolicyTest {

    private static final AnticipatoryConfig CONFIG = new AnticipatoryConfig(12, 30, 16, 1, 13, 12, 25, 3);

    private static Observation obs(int inputQueue, int backlog, int workers) {
        return new Observation(inputQueue, backlog, 0, 0, workers, 1.5, 1.5, 5, 1.0);
    }

    private static StepInfo info(long enqueued) {
        return new StepInfo(1, 0, 0, 0, 8, 8, enqueued, 0, 0, 0, 0, 0, 0, null);
    }

    private static FarmEnvironment paperEnvironment() {
        return new FarmEnvironment(SimulatedFarm.paper(), new WorkloadGenerator(WorkloadConfig.paper()),
                EnvironmentConfig.paper(), new RewardFunction(RewardConfig.DEFAULT));
    }

    @Test
    void holdsTheFirstPhaseTargetUntilEnoughTasksWereEnqueuedThenRampsTowardThePeak() {
        AnticipatoryPolicy p = new AnticipatoryPolicy(CONFIG);
        p.reset(1);
        assertEquals(Action.NO_OP, p.act(obs(3, 0, 12), info(29)));
        assertEquals(Action.SCALE_UP, p.act(obs(3, 0, 12), info(30)));
        assertEquals(Action.SCALE_UP, p.act(obs(2, 0, 15), info(200)));
        assertEquals(Action.NO_OP, p.act(obs(2, 0, 16), info(300)));
    }

    @Test
    void holdsThePeakIntoTheThirdPhaseForTheConfiguredStepsThenStepsDown() {
        AnticipatoryPolicy p = new AnticipatoryPolicy(CONFIG);
        p.reset(1);
        p.act(obs(2, 0, 16), info(300));
        assertEquals(Action.NO_OP, p.act(obs(1, 0, 16), info(600)), "first step of phase 3 is held");
        assertEquals(Action.SCALE_DOWN, p.act(obs(1, 0, 16), info(640)));
        assertEquals(Action.SCALE_DOWN, p.act(obs(0, 0, 13), info(900)), "phase 4 targets 12");
        assertEquals(Action.NO_OP, p.act(obs(0, 0, 12), info(950)));
    }

    @Test
    void aBacklogAboveTheLimitAddsAWorkerUpToPeakPlusSurge() {
        AnticipatoryPolicy p = new AnticipatoryPolicy(CONFIG);
        p.reset(1);
        assertEquals(Action.SCALE_UP, p.act(obs(0, 26, 12), info(900)));
        assertEquals(Action.SCALE_UP, p.act(obs(0, 26, 18), info(910)));
        assertEquals(Action.SCALE_DOWN, p.act(obs(0, 26, 19), info(920)), "no surge beyond 16 + 3");
        assertEquals(Action.SCALE_DOWN, p.act(obs(0, 25, 14), info(930)), "25 waiting is not above the limit");
    }

    @Test
    void resetForgetsThePhaseOfThePreviousEpisode() {
        AnticipatoryPolicy p = new AnticipatoryPolicy(CONFIG);
        p.reset(1);
        p.act(obs(1, 0, 16), info(600));
        p.reset(2);
        p.act(obs(2, 0, 16), info(300));
        assertEquals(Action.NO_OP, p.act(obs(1, 0, 16), info(600)), "the hold counts again from phase 3's start");
    }

    @Test
    void aConfigWithANonPositiveTargetIsRefusedNamingTheParameter() {
        var e = assertThrows(IllegalArgumentException.class, () -> new AnticipatoryConfig(12, 30, 0, 0, 13, 12, 25, 3));
        assertTrue(e.getMessage().contains("peakWorkers"), e.getMessage());
    }

    @Test
    void onTheSimulatorItStaysWithinTwelveScalingActionsAndBeatsStaticFourteen() {
        try (FarmEnvironment env = paperEnvironment()) {
            List<Long> seeds = List.of(1000L, 1001L, 1002L, 1003L, 1004L, 1005L, 1006L, 1007L);
            Evaluator evaluator = new Evaluator(env);
            var own = evaluator.evaluate(AnticipatoryPolicy.tuned(), seeds).episodes();
            var fixed = evaluator.evaluate(new farmhand.controllers.policy.fixed.StaticPolicy(), seeds, 14, m -> { })
                    .episodes();
            double ownQos = own.stream().mapToDouble(EpisodeMetrics::finalQos).average().orElseThrow();
            double fixedQos = fixed.stream().mapToDouble(EpisodeMetrics::finalQos).average().orElseThrow();
            double ownWorkers = own.stream().mapToDouble(EpisodeMetrics::meanWorkers).average().orElseThrow();
            assertTrue(own.stream().allMatch(m -> m.scalingActions() <= 12), "scaling actions " + own);
            assertTrue(ownWorkers < 14.0, "mean workers " + ownWorkers);
            assertTrue(ownQos > fixedQos, "QoS " + ownQos + " vs static 14's " + fixedQos);
        }
    }
}
