package farmhand.controllers.policy.industry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import farmhand.controllers.env.Action;
import farmhand.controllers.env.EnvironmentConfig;
import org.junit.jupiter.api.Test;

class KnativeKpaPolicyTest {

    private static Action act(KnativeKpaPolicy p, FarmState s) {
        return p.act(s.observation(), s.info());
    }

    private static KnativeKpaPolicy started(KnativeKpaPolicy p, int workers) {
        p.reset(1);
        act(p, FarmState.at(0, workers, 0, 0));
        return p;
    }

    @Test
    void theStableModeDividesTheWindowsAverageConcurrencyByTheTargetPerPod() {
        KnativeKpaPolicy p = started(new KnativeKpaPolicy("t", FarmState.WIDE, 10, 60, 10, 200, 1000, 2), 12);
        // a steady 120 in flight for a whole window: 120 / 10 = 12 pods
        for (double t = 8; t <= 64; t += 8) {
            assertEquals(Action.NO_OP, act(p, FarmState.at(t, 12, 12, 108)), "t = " + t);
        }
        assertFalse(p.panicking());
    }

    @Test
    void scaleDownPerTickIsLimitedByTheMaxScaleDownRate() {
        KnativeKpaPolicy p = started(KnativeKpaPolicy.defaults(FarmState.WIDE), 12);
        assertEquals(-6, act(p, FarmState.at(8, 12, 0, 0)).delta(), "idle: at most halve the ready pods per tick");
    }

    @Test
    void aBurstOfTwiceTheReadyPodsStartsPanicModeWhichNeverScalesDown() {
        KnativeKpaPolicy p = started(KnativeKpaPolicy.containerConcurrencyOne(FarmState.WIDE), 4);
        // 4 pods, 20 in flight: panic window says ceil(20 / 0.7) = 29 >= 2 * 4
        assertEquals(25, act(p, FarmState.at(8, 4, 4, 16)).delta());
        assertTrue(p.panicking());
        assertEquals(Action.NO_OP, act(p, FarmState.at(16, 29, 1, 0)), "in panic the count only grows");
        assertTrue(p.panicking());
        // panic ends a stable window (60 s) after the threshold last held (t = 8)
        Action last = Action.NO_OP;
        for (double t = 24; t <= 72; t += 8) {
            last = act(p, FarmState.at(t, 29, 1, 0));
        }
        assertFalse(p.panicking());
        assertTrue(last.delta() < 0, "back in stable mode the count follows the 60 s average");
    }

    @Test
    void thePanicWindowAveragesOnlyTheLastSixSecondsOfTwoSecondTicks() {
        KnativeKpaPolicy p = started(new KnativeKpaPolicy("t", FarmState.WIDE, 10, 60, 10, 200, 1000, 2), 12);
        assertEquals(Action.NO_OP, act(p, FarmState.at(8, 12, 12, 108)), "ticks 2-8 see 120 in flight: 12 pods");
        // ticks 10-16 see 250: the panic window (ticks 12, 14, 16) says 25 >= 2 * 12; averaged over the stable
        // window (185) it would say 19 and no panic
        assertEquals(13, act(p, FarmState.at(16, 12, 12, 238)).delta());
        assertTrue(p.panicking());
    }

    @Test
    void theTargetStaysWithinTheEnvironmentsBoundsAndActionSpace() {
        EnvironmentConfig narrow = new EnvironmentConfig(8, 30, 4, 2, 10, 8, 1.5, 0.1, 3);
        KnativeKpaPolicy p = started(KnativeKpaPolicy.containerConcurrencyOne(narrow), 4);
        assertEquals(3, act(p, FarmState.at(8, 4, 4, 16)).delta(), "target 10 (maxWorkers), at most +3 per step");
        KnativeKpaPolicy q = started(KnativeKpaPolicy.defaults(narrow), 4);
        assertEquals(-2, act(q, FarmState.at(8, 4, 0, 0)).delta(), "not below minWorkers 2");
    }
}
