package farmhand.testcontainers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import farmhand.farm.platform.openfaas.GatewayConfig;
import farmhand.farm.platform.openfaas.GatewayCredentials;
import farmhand.farm.platform.openfaas.Layout;
import farmhand.farm.platform.openfaas.OpenFaasPlatform;
import farmhand.farm.platform.openfaas.OpenFaasPlatformConfig;
import farmhand.reproduction.config.ExperimentConfig;
import farmhand.reproduction.regression.Figure;
import farmhand.reproduction.regression.FigureKind;
import farmhand.reproduction.regression.PlatformMeasurement;
import farmhand.reproduction.regression.RegressionReport;
import farmhand.reproduction.regression.RegressionSuite;
import farmhand.reproduction.report.Json;
import farmhand.reproduction.scaling.PlatformVariant;
import farmhand.reproduction.scaling.ScaleUpLatency;
import farmhand.reproduction.scaling.ScalingCurve;
import farmhand.reproduction.scaling.ScalingPoint;
import io.qameta.allure.Allure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;

/**
 * The farm on OpenFaaS on k3s, in containers. Runs alone with {@code ./mvnw -Pk3s -pl testcontainers -am verify};
 * skipped with the reason where Docker or a registry is not reachable ({@link K3sEnvironment}). The
 * function image (built by {@code jib:dockerBuild} into the engine) is pushed into the fixture's
 * registry; the farm runs through the project's {@link OpenFaasPlatform}, one function per worker
 * (CE: 15 functions, so N_max 13). The measuring code is {@link PlatformMeasurement}, tested in the
 * reproduction module on the local platform and the OpenFaaS gateway double.
 */
@Tag("k3s")
@ExtendWith(K3sEnvironment.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class K3sSuiteTest {

    /** Workers CE allows with a function per worker: 15 functions minus the emitter and collector. */
    private static final int CE_WORKERS = 13;
    /** Where the measured latency profile is written (the simulator loads it with platform.latencyProfile). */
    private static final Path PROFILE = Path.of("target", "k3s", "openfaas-k3s-latency-profile.csv");

    private K3sOpenFaasFixture cluster;
    private PlatformMeasurement measurement;
    private ScaleUpLatency latency;
    /** The gate's figures this run measured (ci/regression --platform k3s compares them with its baseline). */
    private final List<Figure> figures = new CopyOnWriteArrayList<>();
    private double referenceMillis;

    @BeforeAll
    void startClusterAndDeployTheFunctionImage() {
        cluster = new K3sOpenFaasFixture(K3sEnvironment.k3sImage(), K3sEnvironment.chartRepository(),
                K3sEnvironment.chartVersion()).start(Duration.ofMinutes(5));
        String image = cluster.pushFunctionImage(K3sEnvironment.functionImage());
        // the chart runs with basic_auth off (K3sManifests): the gateway ignores the login
        OpenFaasPlatformConfig config = OpenFaasPlatformConfig.of(GatewayConfig.of(cluster.gateway().toString(),
                        new GatewayCredentials(GatewayCredentials.DEFAULT_USER, "unused")), image,
                        Layout.PER_WORKER_FUNCTION)
                .withFunctionRedis(cluster.inClusterRedisUrl(), null)
                .withTimings(Duration.ofMinutes(3), Duration.ofMillis(200), Duration.ofSeconds(60));
        PlatformVariant openfaas = new PlatformVariant("openfaas-k3s", c -> new OpenFaasPlatform(config));
        referenceMillis = new RegressionSuite(ExperimentConfig.paper(), line -> { }).referenceMillis();
        measurement = new PlatformMeasurement(PlatformMeasurement.capped(ExperimentConfig.paper(), CE_WORKERS),
                cluster.redisUrl(), openfaas, 10);
    }

    @AfterAll
    void stopClusterAndWriteTheGatesFigures() {
        if (cluster != null) {
            cluster.close();
        }
        String out = System.getProperty("k3s.regression.out", "");
        if (!out.isBlank() && !figures.isEmpty()) {
            Json.write(Path.of(out), new RegressionReport("k3s", referenceMillis, List.copyOf(figures)));
        }
    }

    private synchronized ScaleUpLatency latency() {
        if (latency == null) {
            latency = measurement.scaleUps(PlatformMeasurement.MIN_SCALE_UPS);
        }
        return latency;
    }

    @Test
    void theClusterServesTheGatewayAndRedis() throws Exception {
        HttpResponse<Void> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(cluster.gateway().resolve("/healthz")).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(200, health.statusCode());
        try (Jedis redis = new Jedis(URI.create(cluster.redisUrl()))) {
            assertEquals("PONG", redis.ping());
        }
    }

    @Test
    void scaleUpLatencyOfFiveWorkersIsMeasuredAsP50AndP95() {
        ScaleUpLatency l = latency();
        assertEquals(PlatformMeasurement.MIN_SCALE_UPS, l.samplesMillis().size());
        String text = String.format(Locale.ROOT, "scale-up (request -> first task taken), %d scale-ups: p50 %.1f ms, "
                + "p95 %.1f ms; samples %s", l.samplesMillis().size(), l.p50Millis(), l.p95Millis(), l.samplesMillis());
        Allure.addAttachment("k3s scale-up latency", "text/plain", text, ".txt");
        figures.add(Figure.timing("scale-up.p50", l.p50Millis(), "ms", referenceMillis));
        figures.add(Figure.timing("scale-up.p95", l.p95Millis(), "ms", referenceMillis));
        assertTrue(l.p50Millis() > 0 && l.p95Millis() >= l.p50Millis(), text);
    }

    @Test
    void figureTwoThirtySecondWindowAtOneTwoAndFourWorkers() {
        ScalingCurve curve = measurement.figureTwo(10);
        Allure.addAttachment("k3s Fig. 2 (30 s window)", "text/markdown", curve.table(), ".md");
        for (ScalingPoint p : curve.points().subList(1, curve.points().size())) {
            figures.add(Figure.plain("speedup.n" + p.workers(), FigureKind.SPEEDUP, p.speedup(), "x"));
        }
        figures.add(Figure.timing("data-path.p50", curve.points().getLast().dataPathMedianWallMillis(), "ms",
                referenceMillis));
        assertEquals(List.of(1, 2, 4), curve.points().stream().map(ScalingPoint::workers).toList());
        assertTrue(curve.points().getLast().speedup() > 1, curve.table());
    }

    @Test
    void oneShortEpisodePerPolicyKeepsTheAccountBalanced() {
        RegressionSuite.TrainedAgents agents = new RegressionSuite(ExperimentConfig.paper(), line -> { }).train();
        List<PlatformMeasurement.PolicyEpisode> episodes = measurement.episodes(agents, 42);
        Allure.addAttachment("k3s policy episodes", "text/plain",
                String.join("\n", episodes.stream().map(PlatformMeasurement.PolicyEpisode::line).toList()), ".txt");
        assertEquals(PlatformMeasurement.POLICIES, episodes.stream().map(PlatformMeasurement.PolicyEpisode::policy).toList());
        for (PlatformMeasurement.PolicyEpisode e : episodes) {
            figures.add(Figure.plain("qos." + e.policy(), FigureKind.QOS, e.metrics().finalQos(), "fraction"));
            figures.add(Figure.plain("workers." + e.policy(), FigureKind.WORKERS, e.metrics().meanWorkers(), "workers"));
        }
        for (PlatformMeasurement.PolicyEpisode e : episodes) {
            assertTrue(e.balanced(), e.line());
        }
    }

    @Test
    void measuredLatenciesAreSavedAsAProfileAndComparedWithThePapers() throws Exception {
        String csv = latency().profileCsv("scale actions measured on OpenFaaS on k3s (" + K3sEnvironment.k3sImage()
                + ", openfaas chart " + K3sEnvironment.chartVersion() + ")", 2, 1); // wall seconds, as the paper measured them
        Files.createDirectories(PROFILE.getParent());
        Files.writeString(PROFILE, csv);
        PlatformMeasurement.ProfileComparison c = PlatformMeasurement.compareWithPaper(csv, PROFILE.toString());
        Allure.addAttachment("k3s latency profile vs the paper's", "text/markdown", c.markdown(), ".md");
        assertTrue(c.upRatio() > 0 && Double.isFinite(c.upRatio()) && c.downRatio() > 0 && Double.isFinite(c.downRatio()),
                c.markdown());
    }
}
