package farmhand.reproduction.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import farmhand.farm.platform.LatencyProfile;
import farmhand.farm.testing.TestRedis;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The static scaling experiment on a live farm over a real redis-server. */
class ScalingExperimentTest {

    @Test
    void moreWorkersFinishTheSameBatchSoonerAndEveryTaskIsCollected() {
        ScalingSettings settings = new ScalingSettings(60, 2.04, List.of(0.0), List.of(1, 4), 50, 7);
        ScalingCurve curve = new ScalingExperiment(settings, TestRedis.url())
                .run(Map.of("bare", LatencyProfile.instant()), p -> { });
        assertEquals(2, curve.points().size());
        ScalingPoint one = curve.point(0.0, 1);
        ScalingPoint four = curve.point(0.0, 4);
        assertEquals(60, one.collected());
        assertEquals(60, four.collected());
        assertEquals(1.0, one.speedup(), 1e-12);
        // one worker cannot beat the sum of the service times; four ideally take a quarter of it
        assertTrue(one.runtimeSeconds() >= 60 * 2.04 - 1e-6, "T(1) = " + one.runtimeSeconds());
        assertTrue(four.speedup() > 2.5 && four.speedup() <= 4.2, "speedup at N=4: " + four.speedup());
        assertEquals(List.of("bare"), curve.platforms());
        assertTrue(four.initSeconds().containsKey("bare"), four.toString());
        assertTrue(curve.table().contains("| 0 | 4 |"), curve.table());
    }

    @Test
    void withTheOpenFaasProfileEveryFunctionWaitsForAMeasuredDeploy() {
        // collector, 2 workers and the emitter deployed one after another; the fastest measured scale-up is 4.7 s
        double seconds = FarmInitialisation.measureSeconds(TestRedis.url(), LatencyProfile.openFaasMeasured(), 50, 2, 3);
        assertTrue(seconds >= 4 * 4.5, "initialisation took " + seconds + " model seconds");
        double bare = FarmInitialisation.measureSeconds(TestRedis.url(), LatencyProfile.instant(), 50, 2, 3);
        assertTrue(bare < seconds, "bare " + bare + " vs OpenFaaS-like " + seconds);
    }

    @Test
    void everyScaleUpIsTimedUntilTheNewWorkerTakesATask() {
        ScaleUpLatency latency = ScaleUpLatency.measure(TestRedis.url(), 5, 11);
        assertEquals(5, latency.samplesMillis().size());
        for (double ms : latency.samplesMillis()) {
            assertTrue(ms > 0 && ms < 5_000, "a scale-up took " + ms + " ms");
        }
        assertTrue(latency.p50Millis() <= latency.p95Millis());
        for (int i = 0; i < 5; i++) {
            // START and the first task are stamped by the worker on one clock, from the farm's request
            double start = latency.startMillis().get(i);
            assertTrue(start > 0 && start <= latency.samplesMillis().get(i),
                    "request -> START -> first task, scale-up " + i + ": " + latency);
        }
    }

    @Test
    void settingsThatCannotMakeACurveAreRefusedByName() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new ScalingSettings(10, 2.04, List.of(30.0), List.of(4, 2), 50, 1));
        assertTrue(e.getMessage().contains("workerCounts"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new ScalingSettings(10, 2.04, List.of(-1.0), List.of(1), 50, 1));
        assertTrue(e.getMessage().contains("windowsSeconds"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new ScalingSettings(10, 2.04, List.of(30.0), List.of(1), 0.5, 1));
        assertTrue(e.getMessage().contains("compression"), e.getMessage());
    }

    @Test
    void percentilesAreNearestRank() {
        double[] x = {5, 1, 4, 2, 3};
        assertEquals(3, Percentiles.of(x, 50));
        assertEquals(5, Percentiles.of(x, 95));
        assertEquals(1, Percentiles.of(x, 1));
        assertThrows(IllegalArgumentException.class, () -> Percentiles.of(new double[0], 50));
    }
}
