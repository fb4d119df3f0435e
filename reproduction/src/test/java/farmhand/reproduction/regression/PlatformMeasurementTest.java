package farmhand.reproduction.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import farmhand.farm.live.EmbeddedRedis;
import farmhand.farm.platform.openfaas.GatewayConfig;
import farmhand.farm.platform.openfaas.GatewayCredentials;
import farmhand.farm.platform.openfaas.Layout;
import farmhand.farm.platform.openfaas.OpenFaasPlatform;
import farmhand.farm.platform.openfaas.OpenFaasPlatformConfig;
import farmhand.farm.testing.OpenFaasGatewayDouble;
import farmhand.reproduction.config.ExperimentConfig;
import farmhand.reproduction.scaling.PlatformVariant;
import farmhand.reproduction.scaling.ScaleUpLatency;
import farmhand.reproduction.scaling.ScalingCurve;
import farmhand.reproduction.scaling.ScalingPoint;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The k3s suite's measuring code, run here where k3s cannot: on the local platform (real Redis,
 * functions as threads) and on the OpenFaaS gateway double of the farm's test-jar.
 */
class PlatformMeasurementTest {

    private static final ExperimentConfig PAPER = ExperimentConfig.paper();

    @Test
    void onTheLocalPlatformItMeasuresScaleUpsFigureTwoAndOneBalancedEpisodePerPolicy() {
        try (EmbeddedRedis redis = EmbeddedRedis.start()) {
            PlatformMeasurement m = new PlatformMeasurement(PAPER, redis.url(), PlatformVariant.bare(), 20);
            ScaleUpLatency latency = m.scaleUps(5);
            assertEquals(5, latency.samplesMillis().size());
            assertTrue(latency.p50Millis() > 0 && latency.p95Millis() >= latency.p50Millis(), latency.toString());

            ScalingCurve curve = m.figureTwo(50);
            assertEquals(List.of(1, 2, 4), curve.points().stream().map(ScalingPoint::workers).toList());
            ScalingPoint four = curve.points().getLast();
            assertTrue(four.speedup() > 2, "N=4 speedup " + four.speedup());

            // briefly trained agents: the point is that each policy's episode runs and its account balances
            RegressionSuite.TrainedAgents agents = new RegressionSuite(PAPER, line -> { }).train(50, 3);
            List<PlatformMeasurement.PolicyEpisode> episodes = m.episodes(agents, 42);
            assertEquals(PlatformMeasurement.POLICIES, episodes.stream().map(PlatformMeasurement.PolicyEpisode::policy)
                    .toList());
            for (PlatformMeasurement.PolicyEpisode e : episodes) {
                assertTrue(e.balanced(), e.line());
                assertTrue(e.metrics().steps() > 0, e.line());
            }
        }
    }

    @Test
    void onTheOpenFaasDoubleScaleUpsWithAFunctionPerWorkerGiveAProfileComparedWithThePapers() throws Exception {
        try (EmbeddedRedis redis = EmbeddedRedis.start();
             OpenFaasGatewayDouble gateway = new OpenFaasGatewayDouble("pw", Duration.ofMillis(200))) {
            OpenFaasPlatformConfig config = OpenFaasPlatformConfig.of(GatewayConfig.of(gateway.url(),
                            new GatewayCredentials("admin", "pw")), "example.invalid/farmhand-function:1",
                    Layout.PER_WORKER_FUNCTION).withTimings(Duration.ofSeconds(20), Duration.ofMillis(20),
                    Duration.ofSeconds(1));
            PlatformVariant openfaas = new PlatformVariant("openfaas-double", c -> new OpenFaasPlatform(config));
            PlatformMeasurement m = new PlatformMeasurement(PAPER, redis.url(), openfaas, 20);
            ScaleUpLatency latency = m.scaleUps(5);
            // the double makes a new replica available 200 ms after the deploy: no scale-up can be faster
            assertTrue(latency.samplesMillis().stream().allMatch(ms -> ms >= 200), latency.samplesMillis().toString());

            PlatformMeasurement.ProfileComparison c = PlatformMeasurement.compareWithPaper(
                    latency.profileCsv("OpenFaaS gateway double", 2, 1), "the double's profile");
            double upMean = latency.upBlockingSeconds().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            assertEquals(upMean, c.measuredUpMeanSeconds(), 1e-3);
            assertEquals(6.4, c.paperUpMeanSeconds(), 0.15, "the paper's measured scale-up mean (SPEC section 7)");
            assertEquals(2.6, c.paperDownMeanSeconds(), 0.15, "the paper's measured scale-down mean (SPEC section 7)");
            assertEquals(c.measuredUpMeanSeconds() / c.paperUpMeanSeconds(), c.upRatio(), 1e-12);
            assertTrue(c.markdown().contains("| up | "), c.markdown());
        }
    }

    @Test
    void fewerThanFiveScaleUpsOrACompressionBelowOneAreRefusedNamingTheBound() {
        PlatformMeasurement m = new PlatformMeasurement(PAPER, "redis://127.0.0.1:1", PlatformVariant.bare(), 20);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> m.scaleUps(4)).getMessage().contains(">= 5"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new PlatformMeasurement(PAPER, "redis://127.0.0.1:1", PlatformVariant.bare(), 0.5))
                .getMessage().contains("episodeCompression"));
    }

    @Test
    void aCappedConfigLowersOnlyTheWorkerBound() {
        ExperimentConfig ce = PlatformMeasurement.capped(PAPER, 13);
        assertEquals(13, ce.environment().maxWorkers());
        assertEquals(PAPER.environment().initialWorkers(), ce.environment().initialWorkers());
        assertEquals(PAPER.environment().stepSeconds(), ce.environment().stepSeconds());
        assertEquals(PAPER.workload(), ce.workload());
        assertEquals(4, PlatformMeasurement.capped(PAPER, 4).environment().initialWorkers());
    }

    @Test
    void aProfileThatIsNotALatencyProfileIsRefusedInOneLine() {
        Exception e = assertThrows(RuntimeException.class,
                () -> PlatformMeasurement.compareWithPaper("not,a,profile\nx", "doctored.csv"));
        assertTrue(e.getMessage().contains("doctored.csv"), e.getMessage());
    }
}
