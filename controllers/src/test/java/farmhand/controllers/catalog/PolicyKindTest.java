package farmhand.controllers.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import farmhand.controllers.env.EnvironmentConfig;
import farmhand.controllers.policy.reactive.ReactiveConfig;
import org.junit.jupiter.api.Test;

class PolicyKindTest {

    @Test
    void everyPolicyThatNeedsNoModelIsMadeUnderItsOwnSpelling() {
        for (PolicyKind kind : PolicyKind.values()) {
            if (!kind.learned()) {
                assertEquals(kind.spelling(), kind.create().name(), kind.name());
            }
        }
    }

    @Test
    void aSpellingReadsBackToItsConstantAndAnUnknownOneListsTheValidOnes() {
        for (PolicyKind kind : PolicyKind.values()) {
            assertEquals(kind, PolicyKind.of(kind.spelling()));
        }
        var e = assertThrows(IllegalArgumentException.class, () -> PolicyKind.of("REACTIVE_AVERAGE"));
        assertEquals("unknown policy 'REACTIVE_AVERAGE': expected one of " + String.join(", ", PolicyKind.names()),
                e.getMessage());
    }

    @Test
    void aLearnedPolicyWithoutAModelIsRefusedSayingHowToMakeOne() {
        var e = assertThrows(IllegalArgumentException.class, () -> PolicyKind.DQN.create(null,
                ReactiveConfig.paper(), EnvironmentConfig.paper()));
        assertTrue(e.getMessage().contains("farmhand train --policy dqn"), e.getMessage());
    }

    @Test
    void thePapersFourAreTheTwoReactiveBaselinesAndTheTwoLearnedPolicies() {
        assertEquals(4, PolicyKind.paper().size());
        assertTrue(PolicyKind.paper().containsAll(PolicyKind.of(PolicyKind.Group.LEARNED)));
        assertTrue(PolicyKind.paper().containsAll(PolicyKind.of(PolicyKind.Group.PAPER_BASELINE)));
    }

    @Test
    void kedaScalesUpToTheExperimentsMaxWorkersNotThePapers() {
        EnvironmentConfig wide = new EnvironmentConfig(8, 30, 12, 1, 64, 8, 1.5, 0.1, 63);
        var keda = (farmhand.controllers.policy.industry.KedaRedisListPolicy) PolicyKind.KEDA_REDIS_LIST.create(null,
                ReactiveConfig.paper(), wide);
        keda.reset(1);
        int workers = 12;
        for (int step = 0; step <= 6; step++) {
            var o = new farmhand.controllers.env.Observation(2, 300, 0, 0, workers, 1, 1, 5, 1);
            var info = new farmhand.controllers.env.StepInfo(step, 0, 0, 0, 8, 8 * step, 300 + workers, 0, 0, 0, 0, 0, 0,
                    null);
            workers += keda.act(o, info).delta();
        }
        assertEquals(60, workers, "ceil(300 / 5), reached through the HPA's doubling per sync, above the paper's 32");
    }

    @Test
    void theDeployedAutoscalersGetALoopAsWideAsTheWorkerBoundsAndTheOthersKeepThePapers() {
        EnvironmentConfig paper = EnvironmentConfig.paper();
        for (PolicyKind kind : PolicyKind.values()) {
            int k = kind.environmentFor(paper).maxDeltaPerStep();
            assertEquals(kind.setsReplicaCounts() ? 31 : 1, k, kind.spelling());
        }
    }
}
