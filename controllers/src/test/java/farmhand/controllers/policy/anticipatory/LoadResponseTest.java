package farmhand.controllers.policy.anticipatory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import farmhand.controllers.env.Action;
import farmhand.controllers.env.Observation;
import farmhand.controllers.env.StepInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadResponseTest {

    private static final LoadResponse RESPONSE = new LoadResponse(14, 20, 1500, 80, 10, 2, 0, 25, 2, LoadResponse.PAPER_RATES);

    private static Observation obs(int inputQueue, int backlog, int workers, double ratePerSecond) {
        return new Observation(inputQueue, backlog, 0, 0, workers, 1.5, 1.5, ratePerSecond, 1.0);
    }

    private static StepInfo info(int step, long enqueued) {
        return new StepInfo(step, 0, 0, 0, 8, 8 * step, enqueued, 0, 0, 0, 0, 0, 0, null);
    }

    @Test
    void theTargetIsRateTimesServiceOverUtilisationPlusOnePerTenWaitingWithinFloorAndCeiling() {
        assertEquals(15, RESPONSE.loadTarget(8.0, 0), "8 tasks/s x 1.5 s / 0.8 = 15");
        assertEquals(17, RESPONSE.loadTarget(8.0, 29), "+ 2 workers for 29 waiting");
        assertEquals(14, RESPONSE.target(2.0, 0), "the floor");
        assertEquals(4, RESPONSE.loadTarget(2.0, 0), "without the floor: 3.75 rounds up");
        assertEquals(20, RESPONSE.target(30.0, 100), "the ceiling");
    }

    @Test
    void aRateWithinTheToleranceAgreesWithThePriorAndOneBeyondDoesNot() {
        // phase 2 expects 7.5 tasks/s: 25 % + 1 task/s either side is [4.625, 10.375]
        assertTrue(RESPONSE.agrees(2, 4.7));
        assertTrue(RESPONSE.agrees(2, 10.3));
        assertFalse(RESPONSE.agrees(2, 4.5));
        assertFalse(RESPONSE.agrees(1, 5.0), "phase 1 expects 1.9 tasks/s");
    }

    @Test
    void twoStepsOfAStrayingRateDropThePriorAndTheLoadDecidesFromThen() {
        AnticipatoryPolicy p = new AnticipatoryPolicy(AnticipatoryConfig.tuned(), RESPONSE);
        p.reset(1);
        p.act(obs(3, 0, 12, 0), info(0, 0));
        assertEquals(Action.NO_OP, p.act(obs(3, 0, 12, 7.5), info(1, 10)), "one straying step: still the prior (12 before the ramp)");
        assertTrue(p.priorActive());
        assertEquals(Action.SCALE_UP, p.act(obs(3, 0, 12, 7.5), info(2, 20)), "second straying step: the load's 15");
        assertFalse(p.priorActive());
        assertEquals(Action.SCALE_UP, p.act(obs(2, 0, 14, 7.5), info(3, 80)));
        assertEquals(Action.NO_OP, p.act(obs(2, 0, 15, 7.5), info(4, 140)));
        p.reset(2);
        assertTrue(p.priorActive(), "reset trusts the prior again");
    }

    @Test
    void aRateThatAgreesKeepsThePriorAndAStepAcrossAPhaseChangeIsNotJudged() {
        AnticipatoryPolicy p = new AnticipatoryPolicy(AnticipatoryConfig.tuned(), RESPONSE);
        p.reset(1);
        p.act(obs(3, 0, 12, 0), info(0, 0));
        p.act(obs(3, 0, 12, 2.0), info(1, 16));
        p.act(obs(2, 0, 13, 6.0), info(2, 60));
        p.act(obs(2, 0, 14, 7.0), info(3, 120));
        assertTrue(p.priorActive());
        assertEquals(Action.SCALE_UP, p.act(obs(2, 0, 15, 7.0), info(4, 180)), "the prior's peak of 16");
    }

    @Test
    void withoutThePriorItScalesDownOnlyAfterTheTargetStayedBelowForTheDownSteps() {
        AnticipatoryPolicy p = new AnticipatoryPolicy(AnticipatoryConfig.tuned(), RESPONSE);
        p.reset(1);
        p.act(obs(3, 0, 12, 0), info(0, 0));
        p.act(obs(3, 0, 12, 9), info(1, 72));
        p.act(obs(3, 0, 13, 9), info(2, 144));
        assertFalse(p.priorActive());
        assertEquals(Action.NO_OP, p.act(obs(3, 0, 16, 2), info(3, 160)), "first step below the target: wait");
        assertEquals(Action.SCALE_DOWN, p.act(obs(3, 0, 16, 2), info(4, 176)));
        assertEquals(Action.NO_OP, p.act(obs(3, 0, 15, 2), info(5, 192)));
        assertEquals(Action.SCALE_DOWN, p.act(obs(3, 0, 15, 2), info(6, 208)));
        assertEquals(Action.NO_OP, p.act(obs(3, 0, 14, 2), info(7, 224)), "never below the floor");
        assertEquals(Action.NO_OP, p.act(obs(3, 0, 14, 2), info(8, 240)));
    }

    @Test
    void invalidComponentsAreRefusedNamingThem() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new LoadResponse(14, 20, 1500, 0, 10, 2, 0, 25, 2, LoadResponse.PAPER_RATES));
        assertTrue(e.getMessage().contains("utilisationPercent"), e.getMessage());
        var rates = assertThrows(IllegalArgumentException.class,
                () -> new LoadResponse(14, 20, 1500, 80, 10, 2, 0, 25, 2, List.of(1.0, 2.0)));
        assertTrue(rates.getMessage().contains("expectedRates"), rates.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new LoadResponse(14, 12, 1500, 80, 10, 2, 0, 25, 2, LoadResponse.PAPER_RATES));
        assertThrows(IllegalArgumentException.class,
                () -> new LoadResponse(14, 20, 1500, 80, 10, 2, 0, 25, 0, LoadResponse.PAPER_RATES));
    }
}
