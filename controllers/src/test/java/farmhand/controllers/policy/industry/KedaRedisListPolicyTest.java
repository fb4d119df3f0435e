package farmhand.controllers.policy.industry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import farmhand.controllers.env.Action;
import farmhand.controllers.env.EnvironmentConfig;
import org.junit.jupiter.api.Test;

class KedaRedisListPolicyTest {

    private static Action act(KedaRedisListPolicy p, FarmState s) {
        return p.act(s.observation(), s.info());
    }

    private static KedaRedisListPolicy started(KedaRedisListPolicy p) {
        p.reset(1);
        act(p, FarmState.at(0, 12, 0, 0));
        return p;
    }

    @Test
    void theRuleWaitsForItsFifteenSecondSyncBeforeActing() {
        KedaRedisListPolicy p = started(KedaRedisListPolicy.defaults(FarmState.WIDE));
        assertEquals(Action.NO_OP, act(p, FarmState.at(8, 12, 12, 500)), "no sync before t = 15");
        assertEquals(12, act(p, FarmState.at(16, 12, 12, 500)).delta(), "sync at 15: 12 + max(4, 100 %)");
    }

    @Test
    void theDefaultListLengthNeverScalesTheFarmUpWithinTheTolerance() {
        KedaRedisListPolicy p = started(KedaRedisListPolicy.defaults(FarmState.WIDE));
        assertEquals(Action.NO_OP, act(p, FarmState.at(16, 12, 12, 65)), "65 / (5 * 12) = 1.08 is within the tolerance");
        assertEquals(2, act(p, FarmState.at(32, 12, 12, 67)).delta(), "ceil(67 / 5) = 14");
    }

    @Test
    void scaleDownIsHeldByTheStabilisationWindow() {
        KedaRedisListPolicy p = started(KedaRedisListPolicy.tuned(FarmState.WIDE));
        for (double t = 16; t < 300; t += 16) {
            assertEquals(Action.NO_OP, act(p, FarmState.at(t, 12, 0, 0)), "t = " + t);
        }
    }

    @Test
    void theTargetIsClampedToTheEnvironmentsWorkerBounds() {
        EnvironmentConfig small = new EnvironmentConfig(8, 30, 12, 1, 16, 8, 1.5, 0.1, 15);
        KedaRedisListPolicy p = started(KedaRedisListPolicy.defaults(small));
        assertEquals(4, act(p, FarmState.at(16, 12, 12, 500)).delta(), "at most maxWorkers 16");
    }

    @Test
    void inThePapersActionSpaceTheRuleWalksOneWorkerPerStep() {
        KedaRedisListPolicy p = started(KedaRedisListPolicy.defaults(EnvironmentConfig.paper()));
        assertEquals(Action.SCALE_UP, act(p, FarmState.at(16, 12, 12, 500)));
        assertEquals(Action.SCALE_UP, act(p, FarmState.at(24, 13, 13, 500)), "still short of the target 24");
    }

    @Test
    void anInactiveScalerFallsToTheMinimumAfterTheCooldown() {
        KedaRedisListPolicy p = started(KedaRedisListPolicy.defaults(FarmState.WIDE));
        Action last = Action.NO_OP;
        for (double t = 8; t <= 320; t += 8) {
            last = act(p, FarmState.at(t, 12, 0, 0));
            if (t < 320) {
                assertEquals(Action.NO_OP, last, "t = " + t);
            }
        }
        assertEquals(-11, last.delta(), "list empty at every poll from t = 15 to 315: minReplicaCount (the environment's 1)");
    }
}
