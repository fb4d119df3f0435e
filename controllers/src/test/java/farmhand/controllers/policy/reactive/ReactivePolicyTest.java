package farmhand.controllers.policy.reactive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import farmhand.controllers.env.Action;
import farmhand.controllers.env.Observation;
import farmhand.controllers.env.StepInfo;
import org.junit.jupiter.api.Test;

class ReactivePolicyTest {

    private static StepInfo enqueued(long total) {
        return new StepInfo(3, 0, 0, 0, 8, 24, total, 0, 0, 0, 0, 0, 0, null);
    }

    @Test
    void averageSizesTheFarmFromArrivalsQueueAndBusyWorkers() {
        // S = 2, H = 8, lambda = 5, Q = 16: opt = 10 + 2 * 2 = 14
        // active = 100 - (16 + 2 + 70) = 12 -> busy = min(12, 11) / 8 * 2 * 0.5 = 1.375
        // delta = 14 - (12 - 1.375) = 3.375
        Observation o = new Observation(2, 16, 2, 70, 12, 2.0, 5.0, 5.0, 0.9);
        ReactivePolicy average = ReactivePolicy.average();
        assertEquals(3.375, average.delta(o, enqueued(100)), 1e-12);
        assertEquals(Action.SCALE_UP, average.act(o, enqueued(100)));
    }

    @Test
    void maximumTrustsTheSlowestCompletionAndCountsBusyWorkersFully() {
        // S = 5, H = 8: opt = 25 + 2 * 5 = 35; busy = 11 / 8 * 5 * 1.0 = 6.875; delta = 35 - (12 - 6.875)
        Observation o = new Observation(2, 16, 2, 70, 12, 2.0, 5.0, 5.0, 0.9);
        assertEquals(35 - (12 - 6.875), ReactivePolicy.maximum().delta(o, enqueued(100)), 1e-12);
    }

    @Test
    void aLongServiceTimeStretchesTheHorizon() {
        // S = 20 > 8 -> H = 20; lambda = 0, Q = 40: opt = 40 / 20 * 20 = 40; active = 0
        Observation o = new Observation(1, 40, 0, 60, 10, 20.0, 20.0, 0.0, 0.0);
        assertEquals(40 - 10, ReactivePolicy.average().delta(o, enqueued(100)), 1e-12);
    }

    @Test
    void smallGapsBelowHalfAWorkerAreNoOps() {
        // lambda = 4, S = 2.5 -> opt = 10; N = 10; active = 0 -> delta = 0
        Observation o = new Observation(3, 0, 0, 50, 10, 2.5, 2.5, 4.0, 1.0);
        assertEquals(Action.NO_OP, ReactivePolicy.average().act(o, enqueued(50)));
        // lambda = 1 -> opt = 2.5: delta = -7.5
        Observation quiet = new Observation(3, 0, 0, 50, 10, 2.5, 2.5, 1.0, 1.0);
        assertEquals(Action.SCALE_DOWN, ReactivePolicy.average().act(quiet, enqueued(50)));
    }

    @Test
    void theServiceEstimateHasAFloorOfATenthOfASecond() {
        // S = max(0.0, 0.1) = 0.1; opt = max(1, 0.1 * 2) = 1; N = 1 -> delta 0
        Observation o = new Observation(3, 0, 0, 0, 1, 0.0, 0.0, 2.0, 1.0);
        assertEquals(0.0, ReactivePolicy.average().delta(o, enqueued(0)), 1e-12);
    }
}
