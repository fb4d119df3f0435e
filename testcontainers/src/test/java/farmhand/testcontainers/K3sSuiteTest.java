package farmhand.testcontainers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;

/**
 * The farm on OpenFaaS on k3s, in containers. Runs alone with {@code ./mvnw -Pk3s -pl testcontainers -am verify};
 * skipped with the reason where Docker or a registry is not reachable ({@link K3sEnvironment}). The
 * fixture part is real; each test stops at deploying the farm, which needs the OpenFaaS platform
 * (issue 11), with an explicit abort naming it, until that platform is merged.
 */
@Tag("k3s")
@ExtendWith(K3sEnvironment.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class K3sSuiteTest {

    private static final String NO_PLATFORM =
            "deploying the farm on the k3s cluster (image pushed with Jib, OpenFaasPlatform against its gateway) is not written yet";

    private K3sOpenFaasFixture cluster;

    @BeforeAll
    void startCluster() {
        cluster = new K3sOpenFaasFixture(K3sEnvironment.k3sImage(), K3sEnvironment.chartRepository(),
                K3sEnvironment.chartVersion()).start(Duration.ofMinutes(5));
    }

    @AfterAll
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private void clusterServesGatewayAndRedis() throws Exception {
        HttpResponse<Void> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(cluster.gateway().resolve("/healthz")).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(200, health.statusCode());
        try (Jedis redis = new Jedis(URI.create(cluster.redisUrl()))) {
            assertEquals("PONG", redis.ping());
        }
    }

    @Test
    void scaleUpLatencyOfFiveWorkersIsMeasuredAsP50AndP95() throws Exception {
        clusterServesGatewayAndRedis();
        Assumptions.abort(NO_PLATFORM);
    }

    @Test
    void figureTwoThirtySecondWindowAtOneTwoAndFourWorkers() throws Exception {
        clusterServesGatewayAndRedis();
        Assumptions.abort(NO_PLATFORM);
    }

    @Test
    void oneShortEpisodePerPolicyKeepsTheAccountBalanced() throws Exception {
        clusterServesGatewayAndRedis();
        Assumptions.abort(NO_PLATFORM);
    }

    @Test
    void measuredLatenciesAreSavedAsAProfileAndComparedWithThePapers() throws Exception {
        clusterServesGatewayAndRedis();
        Assumptions.abort(NO_PLATFORM);
    }
}
