package farmhand.controllers.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import farmhand.controllers.reward.RewardConfig;
import farmhand.controllers.reward.RewardFunction;
import farmhand.farm.sim.SimulatedFarm;
import farmhand.farm.workload.WorkloadConfig;
import farmhand.farm.workload.WorkloadGenerator;
import org.junit.jupiter.api.Test;

class ActionSpaceTest {

    private static FarmEnvironment environment(EnvironmentConfig config) {
        return new FarmEnvironment(SimulatedFarm.paper(), new WorkloadGenerator(WorkloadConfig.paper()), config,
                new RewardFunction(RewardConfig.DEFAULT));
    }

    @Test
    void thePaperSpaceIsMinusOneZeroPlusOneAtIndicesZeroOneTwo() {
        ActionSpace paper = EnvironmentConfig.paper().actionSpace();
        assertEquals(ActionSpace.PAPER, paper);
        assertEquals(3, paper.count());
        assertEquals(Action.SCALE_DOWN, paper.ofIndex(0));
        assertEquals(Action.NO_OP, paper.ofIndex(1));
        assertEquals(Action.SCALE_UP, paper.ofIndex(2));
        assertEquals(2, paper.indexOf(Action.SCALE_UP));
    }

    @Test
    void aWiderSpaceMapsIndicesToDeltasMinusKToPlusK() {
        ActionSpace three = new ActionSpace(3);
        assertEquals(7, three.count());
        assertEquals(-3, three.ofIndex(0).delta());
        assertEquals(3, three.ofIndex(6).delta());
        for (int i = 0; i < three.count(); i++) {
            assertEquals(i, three.indexOf(three.ofIndex(i)));
        }
        assertThrows(IllegalArgumentException.class, () -> three.ofIndex(7));
        assertThrows(IllegalArgumentException.class, () -> three.indexOf(Action.of(4)));
    }

    @Test
    void towardClampsTheChangeToTheSpace() {
        ActionSpace two = new ActionSpace(2);
        assertEquals(Action.of(2), two.toward(12, 20));
        assertEquals(Action.of(-2), two.toward(12, 1));
        assertEquals(Action.of(1), two.toward(12, 13));
        assertEquals(Action.NO_OP, two.toward(12, 12));
    }

    @Test
    void theConfigRejectsAMaxDeltaOutsideOneToTheWorkerRange() {
        EnvironmentConfig paper = EnvironmentConfig.paper();
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> paper.withMaxDeltaPerStep(0));
        assertTrue(zero.getMessage().contains("maxDeltaPerStep"), zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> paper.withMaxDeltaPerStep(32));
        assertEquals(31, paper.withMaxDeltaPerStep(31).actionSpace().maxDelta());
    }

    @Test
    void aWideEnvironmentAppliesSeveralWorkersInOneStepAndClipsToTheBounds() {
        try (FarmEnvironment env = environment(EnvironmentConfig.paper().withMaxDeltaPerStep(31))) {
            env.reset(42);
            StepResult up = env.step(Action.of(5));
            assertEquals(5, up.info().requestedDelta());
            assertEquals(5, up.info().appliedDelta());
            assertEquals(17, up.observation().workers());
            StepResult down = env.step(Action.of(-31));
            assertEquals(-16, down.info().appliedDelta(), "clipped at minWorkers 1");
            assertEquals(1, down.observation().workers());
            assertEquals(2, down.info().cumulativeScalingActions());
        }
    }

    @Test
    void thePaperEnvironmentRefusesADeltaOutsideItsSpace() {
        try (FarmEnvironment env = environment(EnvironmentConfig.paper())) {
            env.reset(42);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> env.step(Action.of(2)));
            assertTrue(e.getMessage().contains("outside the action space"), e.getMessage());
            assertFalse(env.lastInfo().step() > 0);
        }
    }
}
