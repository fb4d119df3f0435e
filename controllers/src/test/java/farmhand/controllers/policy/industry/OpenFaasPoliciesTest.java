package farmhand.controllers.policy.industry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import farmhand.controllers.env.Action;
import farmhand.controllers.policy.Policy;
import org.junit.jupiter.api.Test;

class OpenFaasPoliciesTest {

    private static Action act(Policy p, FarmState s) {
        return p.act(s.observation(), s.info());
    }

    private static <P extends Policy> P started(P p) {
        p.reset(1);
        act(p, FarmState.at(0, 12, 0, 0));
        return p;
    }

    @Test
    void theProFormulaMatchesTheDocumentedExamples() {
        OpenFaasProPolicy sleep = new OpenFaasProPolicy("sleep", FarmState.WIDE, OpenFaasProPolicy.Mode.CAPACITY, 5,
                1.0, 1, 20, 0, 15);
        assertEquals(3, sleep.recommend(1, 15), "ceil(1 * (15 / 5))");
        assertEquals(5, sleep.recommend(3, 25), "ceil(3 * (8.33 / 5))");
        OpenFaasProPolicy limited = new OpenFaasProPolicy("limited", FarmState.WIDE, OpenFaasProPolicy.Mode.CAPACITY,
                100, 0.7, 1, 20, 0, 15);
        assertEquals(2, limited.recommend(1, 90), "ceil(1 * (90 / (100 * 0.7)))");
    }

    @Test
    void theDefaultTargetOfFiftyScalesABusyFarmOfTwelveDownToOne() {
        OpenFaasProPolicy capacity = started(OpenFaasProPolicy.defaults(OpenFaasProPolicy.Mode.CAPACITY, FarmState.WIDE));
        assertEquals(-11, act(capacity, FarmState.at(16, 12, 12, 40)).delta(), "ceil(12 / 45) = 1");
        OpenFaasProPolicy queue = started(OpenFaasProPolicy.defaults(OpenFaasProPolicy.Mode.QUEUE, FarmState.WIDE));
        assertEquals(-10, act(queue, FarmState.at(16, 12, 12, 40)).delta(), "ceil(52 / 45) = 2");
    }

    @Test
    void queueModeWithTargetOneSetsOneReplicaPerUnfinishedTaskUpToMax() {
        OpenFaasProPolicy queue = started(OpenFaasProPolicy.oneAtATime(OpenFaasProPolicy.Mode.QUEUE, FarmState.WIDE));
        assertEquals(3, act(queue, FarmState.at(16, 12, 12, 3)).delta(), "12 in service + 3 waiting");
        assertEquals(5, act(queue, FarmState.at(32, 15, 15, 40)).delta(), "capped at com.openfaas.scale.max 20");
    }

    @Test
    void theScaleDownWindowKeepsTheHighestRecommendationButScaleUpIsImmediate() {
        OpenFaasProPolicy capacity = started(OpenFaasProPolicy.oneAtATime(OpenFaasProPolicy.Mode.CAPACITY,
                FarmState.WIDE));
        assertEquals(1, act(capacity, FarmState.at(16, 12, 12, 5)).delta(), "ceil(12 / 0.95) = 13");
        assertEquals(Action.NO_OP, act(capacity, FarmState.at(32, 13, 2, 0)), "13 recorded 15 s ago");
        OpenFaasProPolicy noWindow = started(new OpenFaasProPolicy("w0", FarmState.WIDE,
                OpenFaasProPolicy.Mode.CAPACITY, 1, 0.95, 1, 20, 0, 15));
        assertEquals(1, act(noWindow, FarmState.at(16, 12, 12, 5)).delta());
        assertEquals(-10, act(noWindow, FarmState.at(32, 13, 2, 0)).delta(), "ceil(2 / 0.95) = 3 at once");
    }

    @Test
    void theCommunityAlertFiresAfterItsForPeriodAddsFourReplicasPerNotificationAndResetsToMin() {
        OpenFaasCeAlertPolicy ce = started(OpenFaasCeAlertPolicy.defaults(FarmState.WIDE));
        assertEquals(4, ce.step(), "ceil(20 * 20 / 100)");
        assertEquals(Action.NO_OP, act(ce, FarmState.at(16, 12, 12, 0).arriving(6)), "pending (for: 5s)");
        assertEquals(4, act(ce, FarmState.at(32, 12, 12, 0).arriving(6)).delta(), "firing: first notification");
        assertEquals(Action.NO_OP, act(ce, FarmState.at(48, 16, 12, 0).arriving(6)), "repeat after 30 s only");
        assertEquals(4, act(ce, FarmState.at(64, 16, 12, 0).arriving(6)).delta(), "repeated notification");
        assertEquals(-19, act(ce, FarmState.at(80, 20, 12, 0).arriving(4)).delta(), "resolved: back to min 1");
    }

    @Test
    void theCommunityAlertNeverExceedsItsMaxReplicas() {
        OpenFaasCeAlertPolicy ce = started(OpenFaasCeAlertPolicy.defaults(FarmState.WIDE));
        act(ce, FarmState.at(16, 18, 12, 0).arriving(9));
        assertEquals(2, act(ce, FarmState.at(32, 18, 12, 0).arriving(9)).delta(), "18 + 4 capped at 20");
    }
}
