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
        EnvironmentConfig wide = new EnvironmentConfig(8, 30, 12, 1, 64, 8, 1.5, 0.1);
        var keda = (farmhand.controllers.policy.industry.KedaRedisListPolicy) PolicyKind.KEDA_REDIS_LIST.create(null,
                ReactiveConfig.paper(), wide);
        keda.reset(1);
        var o = new farmhand.controllers.env.Observation(2, 300, 0, 0, 12, 1, 1, 5, 1);
        var info = new farmhand.controllers.env.StepInfo(0, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, null);
        assertEquals(60, keda.desiredReplicas(o, info));
    }
}
