package farmhand.farm.platform.openfaas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import farmhand.farm.platform.openfaas.GatewayTypes.FunctionDeployment;
import farmhand.farm.platform.openfaas.GatewayTypes.FunctionStatus;
import farmhand.farm.testing.OpenFaasGatewayDouble;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Contract tests: every request the client makes and every error path, against the CE gateway double. */
class OpenFaasGatewayTest {

    private static final String PASSWORD = "s3cret-pw";
    private static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OpenFaasGatewayDouble gw;
    private OpenFaasGateway client;

    @BeforeEach
    void start() throws IOException {
        gw = new OpenFaasGatewayDouble(PASSWORD, Duration.ofMillis(4000)); // long enough to read it unready on a loaded machine
        client = new OpenFaasGateway(GatewayConfig.of(gw.url(), new GatewayCredentials("admin", PASSWORD))
                .withRetries(4, Duration.ofMillis(10)));
    }

    @AfterEach
    void stop() {
        client.close();
        gw.close();
    }

    private static FunctionDeployment fn(String name) {
        return new FunctionDeployment(name, "example.invalid/farmhand-function:1", "openfaas-fn",
                Map.of("FARM_ROLE", "WORKER"), List.of("redis-password"), Map.of("com.openfaas.scale.min", "1"));
    }

    private static JsonNode body(RecordedRequest r) {
        return JSON.readTree(r.getBody().utf8());
    }

    @Test
    void deployPutsFirstAndPostsOnlyWhenTheFunctionDoesNotExist() throws InterruptedException {
        assertEquals(202, client.deploy(fn("worker-1")));
        RecordedRequest put = gw.takeRequest();
        assertEquals("PUT", put.getMethod());
        assertEquals("/system/functions?namespace=openfaas-fn", put.getTarget());
        assertEquals(BASIC, put.getHeaders().get("Authorization"));
        assertTrue(put.getHeaders().get("Content-Type").startsWith("application/json"));
        JsonNode b = body(put);
        assertEquals("worker-1", b.get("service").asString());
        assertEquals("example.invalid/farmhand-function:1", b.get("image").asString());
        assertEquals("openfaas-fn", b.get("namespace").asString());
        assertEquals("WORKER", b.get("envVars").get("FARM_ROLE").asString());
        assertEquals("redis-password", b.get("secrets").get(0).asString());
        assertEquals("1", b.get("labels").get("com.openfaas.scale.min").asString());
        RecordedRequest post = gw.takeRequest();
        assertEquals("POST", post.getMethod());
        assertEquals("/system/functions?namespace=openfaas-fn", post.getTarget());
        assertEquals(put.getBody(), post.getBody());

        assertEquals(202, client.deploy(fn("worker-1")));
        assertEquals("PUT", gw.takeRequest().getMethod());
        assertEquals(3, gw.requestCount(), "an update of an existing function is one PUT");
    }

    @Test
    void aDeploymentOmitsEmptyFields() throws InterruptedException {
        client.deploy(new FunctionDeployment("emitter", "img:1", null, Map.of(), List.of(), Map.of()));
        JsonNode b = body(gw.takeRequest());
        assertEquals(List.of("image", "service"), b.propertyNames().stream().sorted().toList());
    }

    @Test
    void zeroReplicasOmittedFromTheJsonReadAsZeroAndReadinessIsTimed() throws InterruptedException {
        long asked = System.nanoTime();
        client.deploy(fn("worker-1"));
        FunctionStatus s = client.function("worker-1").orElseThrow();
        RecordedRequest get = lastRequest();
        String raw = rawGet("/system/function/worker-1");
        assertEquals(1, s.replicas());
        assertEquals(0, s.availableReplicas(), "not ready yet: the field is omitted");
        assertEquals("GET", get.getMethod());
        assertEquals("/system/function/worker-1?namespace=openfaas-fn", get.getTarget());
        assertEquals(BASIC, get.getHeaders().get("Authorization"));
        assertTrue(raw.contains("\"replicas\":1") && !raw.contains("availableReplicas"), raw);

        OpenFaasGateway.Readiness ready = client.awaitAvailable("worker-1", 1, asked, Duration.ofSeconds(10),
                Duration.ofMillis(20));
        assertTrue(ready.latencySeconds() >= 3.9, "the double's readiness delay is 4 s, measured "
                + ready.latencySeconds());
        assertTrue(ready.polls() > 1);
        assertEquals(1, client.function("worker-1").orElseThrow().availableReplicas());
        assertTrue(client.function("worker-9").isEmpty(), "404 reads as no such function");
    }

    private RecordedRequest lastRequest() throws InterruptedException {
        RecordedRequest last = gw.takeRequest();
        for (RecordedRequest r = gw.takeRequestNow(); r != null; r = gw.takeRequestNow()) {
            last = r;
        }
        return last;
    }

    private String rawGet(String path) {
        try (var http = java.net.http.HttpClient.newHttpClient()) {
            return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(gw.url() + path))
                    .header("Authorization", BASIC).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void listReadsEveryFunction() {
        client.deploy(fn("worker-1"));
        client.deploy(fn("worker-2"));
        List<FunctionStatus> all = client.list();
        assertEquals(List.of("worker-1", "worker-2"), all.stream().map(FunctionStatus::name).toList());
    }

    @Test
    void scalePostsTheScaleRequestAndCeClampsToFiveAndRefusesZero() throws InterruptedException {
        client.deploy(fn("workers-1"));
        client.scale("workers-1", 7);
        RecordedRequest r = lastRequest();
        assertEquals("POST", r.getMethod());
        assertEquals("/system/scale-function/workers-1?namespace=openfaas-fn", r.getTarget());
        assertEquals(BASIC, r.getHeaders().get("Authorization"));
        JsonNode b = body(r);
        assertEquals("workers-1", b.get("serviceName").asString());
        assertEquals("openfaas-fn", b.get("namespace").asString());
        assertEquals(7, b.get("replicas").asLong());
        assertEquals(5, client.function("workers-1").orElseThrow().replicas(), "CE keeps 5");

        GatewayException zero = assertThrows(GatewayException.class, () -> client.scale("workers-1", 0));
        assertEquals(400, zero.status());
        assertTrue(zero.getMessage().contains("does not scale to zero"), zero.getMessage());
    }

    @Test
    void asyncInvocationCarriesNoPasswordAndReturnsTheCallId() throws InterruptedException {
        client.deploy(fn("worker-1"));
        String callId = client.invokeAsync("worker-1", "{\"FARM_NAME\":\"worker-1\"}".getBytes(StandardCharsets.UTF_8),
                "http://collector.example/callback");
        assertNotNull(callId);
        RecordedRequest r = lastRequest();
        assertEquals("POST", r.getMethod());
        assertEquals("/async-function/worker-1", r.getTarget());
        assertNull(r.getHeaders().get("Authorization"), "basic auth only on /system/*");
        assertEquals("http://collector.example/callback", r.getHeaders().get("X-Callback-Url"));
        assertEquals("{\"FARM_NAME\":\"worker-1\"}", r.getBody().utf8());
    }

    @Test
    void deleteSendsTheFunctionNameAndAMissingFunctionIsNamed() throws InterruptedException {
        client.deploy(fn("worker-1"));
        client.delete("worker-1");
        RecordedRequest r = lastRequest();
        assertEquals("DELETE", r.getMethod());
        assertEquals("/system/functions?namespace=openfaas-fn", r.getTarget());
        assertEquals("worker-1", body(r).get("functionName").asString());
        GatewayException e = assertThrows(GatewayException.class, () -> client.delete("worker-1"));
        assertEquals(404, e.status());
        assertTrue(e.getMessage().contains("no function 'worker-1'") && e.getMessage().contains(gw.url())
                && e.getMessage().contains("faas-cli list"), e.getMessage());
    }

    @Test
    void aWrongPasswordIsOneClearLineWithoutThePassword() {
        try (OpenFaasGateway wrong = new OpenFaasGateway(GatewayConfig.of(gw.url(),
                new GatewayCredentials("admin", "not-the-password")))) {
            GatewayException e = assertThrows(GatewayException.class, () -> wrong.deploy(fn("worker-1")));
            assertEquals(401, e.status());
            assertTrue(e.getMessage().contains("refused the login of user admin (401)"), e.getMessage());
            assertFalse(e.getMessage().contains("not-the-password"));
            assertFalse(e.getMessage().contains("\n"));
        }
    }

    @Test
    void fiveHundredsAndTooManyRequestsAreRetriedWithBackoffThenReported() {
        gw.failNext(2, 503);
        assertEquals(202, client.deploy(fn("worker-1")) , "two 503s, then the PUT's 404 and the POST");
        assertEquals(4, gw.requestCount());
        gw.failNext(1, 429);
        assertTrue(client.function("worker-1").isPresent());
        gw.failNext(10, 502);
        GatewayException e = assertThrows(GatewayException.class, () -> client.function("worker-1"));
        assertEquals(502, e.status());
        assertTrue(e.getMessage().contains("after 4 tries") && e.getMessage().contains("worker-1"), e.getMessage());
        assertEquals(4 + 2 + 4, gw.requestCount());
    }

    @Test
    void theFunctionCapOfCeIsNamed() {
        for (int i = 1; i <= OpenFaasGatewayDouble.MAX_FUNCTIONS; i++) {
            client.deploy(fn("worker-" + i));
        }
        GatewayException e = assertThrows(GatewayException.class, () -> client.deploy(fn("worker-16")));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("OpenFaaS CE limit on the number of functions"), e.getMessage());
    }

    @Test
    void anUnreachableGatewayIsNamedRedacted() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "http://admin:leaked@127.0.0.1:" + port;
        try (OpenFaasGateway dead = new OpenFaasGateway(GatewayConfig.of(url, null).withRetries(2, Duration.ZERO))) {
            GatewayException e = assertThrows(GatewayException.class, () -> dead.list());
            assertEquals(0, e.status());
            assertTrue(e.getMessage().contains("did not answer") && e.getMessage().contains("2 tries"), e.getMessage());
            assertFalse(e.getMessage().contains("leaked"), e.getMessage());
        }
    }

    @Test
    void aGatewayThatNeverAnswersTimesOutAndIsRetried() throws IOException {
        try (ServerSocket silent = new ServerSocket(0)) {
            GatewayConfig c = GatewayConfig.of("http://127.0.0.1:" + silent.getLocalPort(), null)
                    .withTimeout(Duration.ofMillis(200)).withRetries(2, Duration.ZERO);
            try (OpenFaasGateway slow = new OpenFaasGateway(c)) {
                GatewayException e = assertThrows(GatewayException.class, () -> slow.function("worker-1"));
                assertTrue(e.getMessage().contains("timed out after 200 ms"), e.getMessage());
            }
        }
    }

    @Test
    void aUrlThatIsNotAGatewayIsRefusedRedacted() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GatewayConfig.of("redis://admin:pw@host:6379", null));
        assertTrue(e.getMessage().contains("is not a gateway URL") && !e.getMessage().contains(":pw@"), e.getMessage());
    }

    @Test
    void thePasswordComesFromAFileOrTheEnvironmentAndIsNeverShown(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("basic-auth-password");
        Files.writeString(file, "from-file\n");
        GatewayCredentials c = GatewayCredentials.resolve(file, Map.of(GatewayCredentials.PASSWORD_ENV, "from-env"));
        assertEquals("from-file", c.password());
        assertEquals("admin:***", c.toString());
        assertEquals("from-env", GatewayCredentials.resolve(null, Map.of("OPENFAAS_PASSWORD", "from-env")).password());
        assertNull(GatewayCredentials.resolve(null, Map.of()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GatewayCredentials.resolve(dir.resolve("missing"), Map.of()));
        assertTrue(e.getMessage().contains("missing"));
    }
}
