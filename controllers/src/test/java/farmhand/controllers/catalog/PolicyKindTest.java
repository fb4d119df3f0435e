package farmhand.controllers.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import farmhand.controllers.policy.reactive.ReactiveConfig;
import org.junit.jupiter.api.Test;

class PolicyKindTest {

    @Test
    void everyPolicyThatNeedsNoModelIsMadeUnderItsOwnSpelling() {
        for (PolicyKind kind : PolicyKind.values()) {
            if (!kind.learned()) {
                assertEquals(kind.spelling(), kind.create(null, ReactiveConfig.paper()).name(), kind.name());
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
        var e = assertThrows(IllegalArgumentException.class, () -> PolicyKind.DQN.create(null, ReactiveConfig.paper()));
        assertTrue(e.getMessage().contains("farmhand train --policy dqn"), e.getMessage());
    }

    @Test
    void thePapersFourAreTheTwoReactiveBaselinesAndTheTwoLearnedPolicies() {
        assertEquals(4, PolicyKind.paper().size());
        assertTrue(PolicyKind.paper().containsAll(PolicyKind.of(PolicyKind.Group.LEARNED)));
        assertTrue(PolicyKind.paper().containsAll(PolicyKind.of(PolicyKind.Group.PAPER_BASELINE)));
    }
}
