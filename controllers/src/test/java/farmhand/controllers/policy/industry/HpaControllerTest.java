package farmhand.controllers.policy.industry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HpaControllerTest {

    private static HpaController defaults() {
        return new HpaController(0.1, HpaController.Behavior.defaults());
    }

    @Test
    void aUsageRatioWithinTheToleranceKeepsTheReplicaCount() {
        HpaController hpa = defaults();
        assertEquals(10, hpa.recommendAverageValue(10, 54, 5), "ratio 1.08 is within 0.1");
        assertEquals(10, hpa.recommendAverageValue(10, 46, 5), "ratio 0.92 is within 0.1");
        assertEquals(12, hpa.recommendAverageValue(10, 56, 5), "ratio 1.12: ceil(56 / 5)");
        assertEquals(9, hpa.recommendAverageValue(10, 44, 5), "ratio 0.88: ceil(44 / 5)");
        assertEquals(14, hpa.recommend(10, 1.35), "ceil(10 * 1.35)");
    }

    @Test
    void scaleDownWaitsForTheHighestRecommendationOfTheLastThreeHundredSeconds() {
        HpaController hpa = defaults();
        hpa.reset(0, 10);
        int replicas = 10;
        for (double t = 15; t < 300; t += 15) {
            replicas = hpa.sync(t, replicas, 2, 1, 32);
            assertEquals(10, replicas, "the recommendation of 10 at t = 0 is still in the window at t = " + t);
        }
        assertEquals(2, hpa.sync(300, replicas, 2, 1, 32), "the window is (now - 300, now]: t = 0 left it");
    }

    @Test
    void scaleUpIsLimitedToTheLargerOfOneHundredPercentAndFourPodsPerFifteenSeconds() {
        HpaController small = defaults();
        small.reset(0, 2);
        assertEquals(6, small.sync(15, 2, 20, 1, 32), "2 + max(4 pods, 100 % of 2)");
        HpaController large = defaults();
        large.reset(0, 10);
        assertEquals(20, large.sync(15, 10, 40, 1, 32), "10 + max(4 pods, 100 % of 10)");
        assertEquals(40, large.sync(30, 20, 40, 1, 64), "the period's start is 20 after the event at t = 15 left it");
    }

    @Test
    void twoSyncsWithinOnePeriodShareItsScaleUpAllowance() {
        HpaController hpa = new HpaController(0.1, new HpaController.Behavior(0, 300, 100, 4, 15, 100, 15));
        hpa.reset(0, 2);
        assertEquals(6, hpa.sync(5, 2, 30, 1, 32));
        assertEquals(6, hpa.sync(10, 6, 30, 1, 32), "the period started at 2: at most 6 until t = 20");
        assertEquals(12, hpa.sync(20, 6, 30, 1, 32));
    }

    @Test
    void theResultStaysWithinMinAndMaxReplicas() {
        HpaController hpa = defaults();
        hpa.reset(0, 10);
        assertEquals(16, hpa.sync(15, 10, 19, 1, 16));
        HpaController down = new HpaController(0.1, new HpaController.Behavior(0, 0, 100, 4, 15, 100, 15));
        down.reset(0, 10);
        assertEquals(3, down.sync(15, 10, 1, 3, 16));
    }

    @Test
    void aNegativeWindowOrAToleranceOfOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new HpaController(1.0, HpaController.Behavior.defaults()));
        assertThrows(IllegalArgumentException.class, () -> new HpaController.Behavior(0, -1, 100, 4, 15, 100, 15));
    }
}
