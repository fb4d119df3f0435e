package farmhand.controllers.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RewardFunctionTest {

    private final RewardFunction reward = new RewardFunction(RewardConfig.DEFAULT);

    @Test
    void aCalmFarmAtTargetWorkersEarnsTheQosTermAndTheStabilityBonus() {
        // q = 1, Q = 0, N = 14 = N*: 36 * 0.05 + 0.1 * 36
        assertEquals(36 * 0.05 + 3.6, reward.step(0, 1.0, 14, 0), 1e-12);
    }

    @Test
    void extraWorkersOnAnIdleQueueArePenalised() {
        // N = 20: - 0.05 * 6 on top of the calm reward
        assertEquals(36 * 0.05 + 3.6 - 0.05 * 6, reward.step(0, 1.0, 20, 0), 1e-12);
        // a queue above Q_idle switches the efficiency term off (and rho = 10/30 keeps the bonus)
        assertEquals(36 * 0.05 + 3.6, reward.step(10, 1.0, 20, 0), 1e-12);
    }

    @Test
    void aBacklogAboveTargetCostsQuadratically() {
        // Q = 60: rho = 2 -> -2.5 * 1^2; q = 0.5 -> 36 * (0.5 - 0.95); no bonus
        assertEquals(36 * (0.5 - 0.95) - 2.5, reward.step(60, 0.5, 10, 0), 1e-12);
        // Q = 90: rho = 3 -> -2.5 * 4
        assertEquals(36 * (0.5 - 0.95) - 10.0, reward.step(90, 0.5, 10, 0), 1e-12);
    }

    @Test
    void aJustifiedScaleUpIsRewardedAndAnUnjustifiedOneOnlyCosts() {
        double base = 36 * (0.5 - 0.95) - 2.5;
        assertEquals(base - 0.08 + 5.5, reward.step(60, 0.5, 10, +1), 1e-12);
        double calm = 36 * 0.05 + 3.6 - 0.05 * (15 - 14);
        assertEquals(calm - 0.08, reward.step(0, 1.0, 15, +1), 1e-12);
    }

    @Test
    void aSafeScaleDownEarnsTheDownBonusAndAnUnsafeOneDoesNot() {
        assertEquals(36 * 0.05 + 3.6 - 0.08 + 0.1, reward.step(0, 1.0, 13, -1), 1e-12);
        assertEquals(36 * (0.5 - 0.95) - 2.5 - 0.08, reward.step(60, 0.5, 9, -1), 1e-12);
    }

    @Test
    void terminalTermsRewardCompletionAndPenalisePendingTasksUpToTheBacklogTarget() {
        assertEquals(8.0, reward.terminal(true, false, 0));
        assertEquals(-2.0 * 12, reward.terminal(false, true, 12));
        assertEquals(-2.0 * 30, reward.terminal(false, true, 500));
        assertEquals(0.0, reward.terminal(false, false, 500));
        RewardFunction sarsa = new RewardFunction(RewardConfig.PAPER_SARSA);
        assertEquals(6.0, sarsa.terminal(true, false, 0));
        assertEquals(-2.5 * 13, sarsa.terminal(false, true, 100));
    }

    @Test
    void presetsAreNamedAndNegativeWeightsRefused() {
        assertEquals(RewardConfig.PAPER_SARSA, RewardConfig.preset("paper-sarsa"));
        var e = assertThrows(IllegalArgumentException.class,
                () -> new RewardConfig(0.95, -1, 30, 2.5, 0.08, 0.05, 8, 14, 5.5, 0.1, 2, 8));
        assertTrue(e.getMessage().contains("qosWeight"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RewardConfig.preset("generous"));
    }
}
