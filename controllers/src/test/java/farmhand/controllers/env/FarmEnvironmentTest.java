package farmhand.controllers.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import farmhand.controllers.eval.EpisodeMetrics;
import farmhand.controllers.eval.Evaluator;
import farmhand.controllers.policy.Policy;
import farmhand.controllers.policy.reactive.ReactivePolicy;
import farmhand.controllers.reward.RewardConfig;
import farmhand.controllers.reward.RewardFunction;
import farmhand.farm.platform.LatencyProfile;
import farmhand.farm.sim.SimulatedFarm;
import farmhand.farm.sim.SimulatorConfig;
import farmhand.farm.workload.WorkloadConfig;
import farmhand.farm.workload.WorkloadGenerator;
import org.junit.jupiter.api.Test;

class FarmEnvironmentTest {

    private static FarmEnvironment environment(EnvironmentConfig config) {
        return new FarmEnvironment(SimulatedFarm.paper(), new WorkloadGenerator(WorkloadConfig.paper()), config,
                new RewardFunction(RewardConfig.DEFAULT));
    }

    private static Policy always(Action action) {
        return new Policy() {
            @Override
            public String name() {
                return "always-" + action;
            }

            @Override
            public Action act(Observation observation, StepInfo info) {
                return action;
            }
        };
    }

    @Test
    void resetShowsAFreshFarmOfTwelveWorkers() {
        try (FarmEnvironment env = environment(EnvironmentConfig.paper())) {
            ResetResult r = env.reset(42);
            assertEquals(new Observation(3, 0, 0, 0, 12, 1.5, 1.5, 0, 1.0), r.observation());
            assertEquals(0, r.info().step());
            assertEquals(1140, r.info().unfinished());
            assertNull(r.info().finalQos());
        }
    }

    @Test
    void aStepLastsTheControlPeriodUnlessScalingOverrunsIt() {
        try (FarmEnvironment env = environment(EnvironmentConfig.paper())) {
            env.reset(42);
            StepResult noop = env.step(Action.NO_OP);
            assertEquals(8.0, noop.info().stepSeconds(), 1e-9);
            assertEquals(8.0, noop.info().nowSeconds(), 1e-9);
            StepResult up = env.step(Action.SCALE_UP);
            assertEquals(1, up.info().appliedDelta());
            assertTrue(up.info().scalingSeconds() >= 4.6, "measured scale-ups take 4.7-14.8 s");
            assertEquals(Math.max(8.0, up.info().scalingSeconds() + 0.1), up.info().stepSeconds(), 1e-9);
            assertEquals(13, up.observation().workers());
            assertTrue(up.observation().arrivalRatePerSecond() > 0);
        }
    }

    @Test
    void actionsAreClippedToTheWorkerBoundsButStillCountAsScalingActions() {
        EnvironmentConfig tight = new EnvironmentConfig(8, 30, 2, 1, 2, 8, 1.5, 0.1);
        try (FarmEnvironment env = environment(tight)) {
            env.reset(1);
            StepResult up = env.step(Action.SCALE_UP);
            assertEquals(1, up.info().requestedDelta());
            assertEquals(0, up.info().appliedDelta());
            assertEquals(0.0, up.info().scalingSeconds());
            StepResult down = env.step(Action.SCALE_DOWN);
            assertEquals(-1, down.info().appliedDelta());
            StepResult again = env.step(Action.SCALE_DOWN);
            assertEquals(0, again.info().appliedDelta());
            assertEquals(1, again.observation().workers());
            assertEquals(3, again.info().cumulativeScalingActions());
        }
    }

    @Test
    void anEpisodeWithEnoughWorkersTerminatesWithEveryTaskCollected() {
        try (FarmEnvironment env = environment(EnvironmentConfig.paper().withInitialWorkers(16))) {
            EpisodeMetrics m = new Evaluator(env).runEpisode(always(Action.NO_OP), 42, 16);
            assertTrue(m.terminated());
            assertEquals(1140, m.collected());
            assertTrue(m.steps() <= 30);
            assertTrue(m.finalQos() > 0.95, "16 static workers should meet nearly every deadline: " + m.finalQos());
            assertEquals(m.steps(), m.noops());
            StepInfo last = env.lastInfo();
            assertNotNull(last.finalQos());
            assertEquals(0, last.unfinished());
        }
    }

    @Test
    void anOverloadedEpisodeIsTruncatedAtThirtyStepsWithThePendingPenalty() {
        EnvironmentConfig one = new EnvironmentConfig(8, 30, 1, 1, 32, 8, 1.5, 0.1);
        try (FarmEnvironment env = environment(one)) {
            env.reset(42);
            StepResult r = null;
            for (int i = 0; i < 30; i++) {
                assertFalse(r != null && r.done(), "ended early at step " + i);
                r = env.step(Action.NO_OP);
            }
            assertTrue(r.truncated());
            assertFalse(r.terminated());
            double expectedStep = env.reward().step(r.observation().workerQueue(), r.observation().qosFraction(), 1, 0);
            assertEquals(expectedStep - 2.0 * 30, r.reward(), 1e-9, "the pending penalty is capped at Q* = 30");
            assertTrue(r.info().unfinished() > 30);
            StepResult last = r;
            var e = assertThrows(IllegalStateException.class, () -> env.step(Action.NO_OP));
            assertTrue(e.getMessage().contains("reset"), e.getMessage());
            assertNotNull(last.info().finalQos());
        }
    }

    @Test
    void stepBeforeResetIsRefusedWithAClearMessage() {
        try (FarmEnvironment env = environment(EnvironmentConfig.paper())) {
            var e = assertThrows(IllegalStateException.class, () -> env.step(Action.NO_OP));
            assertTrue(e.getMessage().contains("reset()"), e.getMessage());
        }
    }

    @Test
    void thePapersBoundsAreDerivedFromThePapersWorkloadAndLoop() {
        assertArrayEquals(new double[] {0, 0, 0, 0, 1, 0, 0, 0, 0}, ObservationSpace.PAPER.low());
        assertArrayEquals(new double[] {3, 800, 10, 1140, 32, 150, 160, 12, 1}, ObservationSpace.PAPER.high());
        try (FarmEnvironment env = environment(EnvironmentConfig.paper())) {
            assertEquals(ObservationSpace.PAPER, env.observationSpace());
        }
    }

    @Test
    void raisingMaxWorkersRaisesTheWorkerBoundInsteadOfClippingTheInput() {
        EnvironmentConfig wide = new EnvironmentConfig(8, 30, 12, 1, 64, 8, 1.5, 0.1);
        try (FarmEnvironment env = environment(wide)) {
            double[] v = env.observationSpace().normalise(new Observation(3, 0, 0, 0, 48, 0, 0, 0, 1));
            assertEquals(47.0 / 63.0, v[4], 1e-12, "48 of [1, 64] workers, not clipped at the paper's 32");
        }
    }

    @Test
    void observationsAreNormalisedToTheUnitBoxAndClipped() {
        ObservationSpace box = ObservationSpace.PAPER;
        double[] v = box.normalise(new Observation(3, 1600, 5, 570, 32, 75, 0, 6, 0.5));
        assertEquals(1.0, v[0]);
        assertEquals(1.0, v[1], "clipped at 800");
        assertEquals(0.5, v[2]);
        assertEquals(0.5, v[3]);
        assertEquals(1.0, v[4]);
        assertEquals(0.5, v[5]);
        assertEquals(0.0, v[6]);
        assertEquals(0.5, v[7]);
        assertEquals(0.5, v[8]);
        assertEquals(3, Action.COUNT);
        assertEquals(Action.SCALE_UP, Action.ofIndex(2));
    }

    @Test
    void sameSeedGivesTheSameTraceOnTheSimulator() {
        try (FarmEnvironment a = environment(EnvironmentConfig.paper());
             FarmEnvironment b = environment(EnvironmentConfig.paper())) {
            EpisodeMetrics x = new Evaluator(a).runEpisode(ReactivePolicy.maximum(), 44, 12);
            EpisodeMetrics y = new Evaluator(b).runEpisode(ReactivePolicy.maximum(), 44, 12);
            assertEquals(x, y);
        }
    }

    @Test
    void instantScalingTakesNoTimeFromTheStep() {
        FarmEnvironment env = new FarmEnvironment(
                new SimulatedFarm(SimulatorConfig.paper().withLatencyProfile(LatencyProfile.instant())),
                new WorkloadGenerator(WorkloadConfig.paper()), EnvironmentConfig.paper(),
                new RewardFunction(RewardConfig.DEFAULT));
        env.reset(3);
        StepResult r = env.step(Action.SCALE_UP);
        assertEquals(0.0, r.info().scalingSeconds());
        assertEquals(8.0, r.info().stepSeconds(), 1e-9);
        env.close();
    }
}
