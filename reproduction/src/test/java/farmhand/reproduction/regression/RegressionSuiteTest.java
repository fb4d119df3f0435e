package farmhand.reproduction.regression;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import farmhand.controllers.eval.EpisodeMetrics;
import farmhand.controllers.eval.Evaluation;
import farmhand.farm.backend.EpisodeHealth;
import farmhand.farm.queue.FarmAccount;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The regression suite refuses figures made of disturbed policy episodes. */
class RegressionSuiteTest {

    private static final FarmAccount BALANCED = FarmAccount.of(1140, 1140, Map.of(), 0, 0, 0, 0);

    private static EpisodeMetrics episode(long seed, double finalQos, EpisodeHealth health) {
        return new EpisodeMetrics(seed, 12, 30, true, finalQos, 14, 16, 20, 10, 0, 1140, 0, 0, List.of(), List.of(),
                BALANCED, health, health.disturbedReason(8));
    }

    @Test
    void aPolicyEpisodeThatStartedLateFailsTheRunInOneLineNamingThePolicyAndWhyInsteadOfBecomingAFigure() {
        EpisodeHealth late = new EpisodeHealth(0, 0, 0, 0, 0, 0, null, 74.2);
        Evaluation e = Evaluation.of("reactive-average", "live",
                List.of(episode(1, 0.97, EpisodeHealth.CLEAN), episode(2, 0.0, late)));
        IllegalStateException x = assertThrows(IllegalStateException.class,
                () -> RegressionSuite.requireUndisturbed("reactive-average", "docker", e));
        assertTrue(x.getMessage().startsWith("the reactive-average episode on docker (seed 2) was disturbed"),
                x.getMessage());
        assertTrue(x.getMessage().contains("74.2 model s"), x.getMessage());
        assertFalse(x.getMessage().contains("\n"), x.getMessage());
    }

    @Test
    void cleanPolicyEpisodesPassTheCheck() {
        Evaluation e = Evaluation.of("dqn", "live", List.of(episode(1, 0.97, EpisodeHealth.CLEAN)));
        assertDoesNotThrow(() -> RegressionSuite.requireUndisturbed("dqn", "docker", e));
    }
}
