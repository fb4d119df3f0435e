package farmhand.controllers.policy.industry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import farmhand.controllers.env.Action;
import farmhand.controllers.env.EnvironmentConfig;
import farmhand.controllers.env.Observation;
import farmhand.controllers.env.StepInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

    /**
     * The stable count is ceil(mean of the window's samples / target), the mean summed oldest first, for
     * whole and fractional concurrencies, over windows shorter and longer than the policy's first ring
     * (32 samples): what the running sum and the in-order sum must both give.
     */
    @ParameterizedTest(name = "window {0} s, fractional samples: {1}")
    @CsvSource({"60, false", "60, true", "3600, false", "3600, true"})
    void theStableCountIsTheCeilingOfTheWindowsMeanOverTheTarget(double windowSeconds, boolean fractional) {
        double target = 10;
        KnativeKpaPolicy p = new KnativeKpaPolicy("t", FarmState.WIDE, target, windowSeconds, 10, 1e9, 1000, 1000);
        int workers = 16;
        started(p, workers); // the environment's step 0: the rule's first tick is one period later
        SplittableRandom random = new SplittableRandom(7);
        List<double[]> samples = new ArrayList<>(); // {seconds, concurrency} of every tick
        for (int step = 1; step <= 600; step++) {
            double now = step * 8.0;
            long enqueued = 160 + random.nextInt(140);
            double result = fractional ? random.nextInt(4) * 0.25 + 0.125 : 0; // in service = enqueued - result
            Observation o = new Observation(2, 0, result, 0, workers, 1.5, 1.5, 0, 1.0);
            StepInfo info = new StepInfo(step, 0, 0, 0, 8, now, enqueued, 0, 1140, 0, 0, 0, 0, null);
            double concurrency = FarmSignals.inFlight(o, info);
            for (double tick = now - 6; tick <= now; tick += KnativeKpaPolicy.TICK_SECONDS) {
                samples.add(new double[] {tick, concurrency});
            }
            double sum = 0;
            int n = 0;
            for (double[] s : samples) {
                if (s[0] > now - windowSeconds) {
                    sum += s[1];
                    n++;
                }
            }
            int expected = (int) Math.min(32, Math.max(Math.floor(workers / 1000.0), Math.ceil(sum / n / target - 1e-9)));
            assertEquals(expected - workers, p.act(o, info).delta(), "step " + step);
        }
    }
}
