package farmhand.reproduction.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import farmhand.farm.testing.OpenFaasGatewayDouble;
import farmhand.farm.testing.TestRedis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code --platform openfaas} end to end against the OpenFaaS CE gateway double (never a real OpenFaaS). */
class OpenFaasCliTest {

    private static final String PASSWORD = "gw-pass-7f3";
    /** The double's functions are up within a second: the 10 s a cluster gets to boot them would be idle time. */
    private static final String[] FAST_START = {"--openfaas-start-allowance", "2"};

    @TempDir
    Path dir;
    private OpenFaasGatewayDouble gw;
    private Path passwordFile;

    @BeforeEach
    void start() throws IOException {
        gw = new OpenFaasGatewayDouble(PASSWORD, Duration.ofMillis(150));
        passwordFile = dir.resolve("basic-auth-password");
        Files.writeString(passwordFile, PASSWORD + "\n");
    }

    @AfterEach
    void stop() {
        gw.close();
    }

    private Object[] evaluate(String gateway, Path password, String... extra) {
        List<String> args = new ArrayList<>(List.of("evaluate", "--policy", "reactive-average", "--episodes", "1",
                "--backend", "live", "--redis", TestRedis.url(), "--time-compression", "20",
                "--platform", "openfaas", "--gateway", gateway));
        if (password != null) {
            args.addAll(List.of("--gateway-password-file", password.toString()));
        }
        args.addAll(List.of(FAST_START));
        args.addAll(List.of(extra));
        return FarmhandCommandTest.run(args.toArray(String[]::new));
    }

    private Object[] scalingCurve(Path password, String... extra) {
        List<String> args = new ArrayList<>(List.of("scaling-curve", "--platform", "openfaas", "--gateway", gw.url(),
                "--redis", TestRedis.url(), "--tasks", "24", "--windows", "0", "--time-compression", "100"));
        if (password != null) {
            args.addAll(List.of("--gateway-password-file", password.toString()));
        }
        args.addAll(List.of(FAST_START));
        args.addAll(List.of(extra));
        return FarmhandCommandTest.run(args.toArray(String[]::new));
    }

    private static void assertOneClearLine(Object[] r, int code, String expected) {
        String err = (String) r[2];
        assertEquals(code, r[0], err);
        // stderr also carries the progress bar; the error is one line of its own
        List<String> errors = err.lines().filter(l -> l.contains("farmhand: error: ")).toList();
        assertEquals(1, errors.size(), err);
        assertTrue(errors.getFirst().startsWith("farmhand: error: ") && errors.getFirst().contains(expected), err);
        assertFalse(err.contains("\tat "), "no stack trace: " + err);
        assertFalse(err.contains(PASSWORD) || ((String) r[1]).contains(PASSWORD), "no secret printed");
    }

    @Test
    void aReactiveAverageEpisodeRunsOnTheGatewayDoubleAndTheAccountBalances() {
        // workers as replicas: ReactiveAverage reaches 14+ workers, past CE's 15 functions with one per worker
        Object[] r = evaluate(gw.url(), passwordFile, "--openfaas-layout", "replicas");
        assertEquals(0, r[0], () -> "stdout: " + r[1] + "\nstderr: " + r[2]);
        String out = (String) r[1];
        assertTrue(out.contains("reactive-average (live)"), out);
        assertTrue(out.contains("generated 1140, collected 1140") && out.contains("lost 0"), out);
        assertEquals(List.of(), gw.functionNames(), "every function is deleted at the end");
        assertFalse(out.contains(PASSWORD));
    }

    @Test
    void aGatewayUrlThatIsNoUrlIsAUsageError() {
        assertOneClearLine(evaluate("gateway.local:8080", passwordFile), 2, "is not a gateway URL");
    }

    @Test
    void aNegativeStartAllowanceIsAUsageError() {
        assertOneClearLine(FarmhandCommandTest.run("evaluate", "--policy", "reactive-average", "--backend", "live",
                "--platform", "openfaas", "--gateway", gw.url(), "--gateway-password-file", passwordFile.toString(),
                "--redis", TestRedis.url(), "--openfaas-start-allowance", "-1"), 2,
                "--openfaas-start-allowance must be between 0 and 3600 seconds, was -1.0");
    }

    @Test
    void aWrongPasswordIsOneLineWithoutThePassword() throws IOException {
        Path wrong = dir.resolve("wrong");
        Files.writeString(wrong, "not-" + PASSWORD + "\n");
        Object[] r = evaluate(gw.url(), wrong);
        assertOneClearLine(r, 1, "refused the login of user admin (401)");
        assertFalse(((String) r[2]).contains("not-" + PASSWORD));
    }

    @Test
    void aFunctionTheGatewayLosesIsNamed() {
        gw.loseCreatedFunctions(true);
        assertOneClearLine(evaluate(gw.url(), passwordFile), 1, "has no function 'collector' in namespace openfaas-fn");
    }

    @Test
    void aFailingGatewayIsReportedAfterBoundedRetries() {
        gw.failNext(1000, 503);
        assertOneClearLine(evaluate(gw.url(), passwordFile), 1, "failed deploy of 'collector' (503");
    }

    @Test
    void anUnreachableGatewayIsNamedWithoutItsCredentials() throws IOException {
        int port;
        try (var s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Object[] r = evaluate("http://admin:" + PASSWORD + "@127.0.0.1:" + port, passwordFile);
        assertOneClearLine(r, 1, "did not answer");
    }

    @Test
    void theScalingCurveRunsOnTheGatewayWithinItsLimitsAndTimesEveryStageOfAScaleUp() throws Exception {
        Path json = dir.resolve("scaling.json");
        Path profile = dir.resolve("openfaas-profile.csv");
        // 5 functions: emitter, collector and at most 3 workers with a function each
        Object[] r = scalingCurve(passwordFile, "--workers", "1,2,4", "--openfaas-max-functions", "5",
                "--scale-ups", "3", "--json", json.toString(), "--latency-profile-out", profile.toString());
        assertEquals(0, r[0], () -> "stdout: " + r[1] + "\nstderr: " + r[2]);
        String out = (String) r[1];
        assertTrue(out.contains("left out N = [4]: the gateway hosts at most 3 workers"), out);
        assertTrue(out.contains("scale-ups: 2 instead of 3"), out);
        JsonNode root = new JsonMapper().readTree(json.toFile());
        assertEquals("openfaas", root.get("platform").asString());
        JsonNode points = root.get("curve").get("points");
        assertEquals(2, points.size(), points.toString());
        assertEquals(24, points.get(1).get("collected").asInt());
        assertTrue(points.get(1).get("initSeconds").has("openfaas"), points.toString());
        JsonNode stages = root.get("containers").get("scaleUpStagesMillis");
        double available = stages.get("available").get(0).asDouble();
        double invoked = stages.get("invoked").get(0).asDouble();
        double start = stages.get("start").get(0).asDouble();
        double firstTask = root.get("scaleUpLatency").get("p50Millis").asDouble();
        assertTrue(available >= 150, "a replica is available no sooner than the double's readiness: " + stages);
        assertTrue(available <= invoked && invoked <= start && start <= firstTask,
                "request -> available -> invoked -> START -> first task, p50s " + stages + ", " + firstTask);
        JsonNode samples = root.get("scaleUpLatency").get("samplesMillis");
        JsonNode starts = root.get("scaleUpLatency").get("startMillis");
        assertEquals(2, samples.size());
        for (int i = 0; i < samples.size(); i++) {
            assertTrue(starts.get(i).asDouble() <= samples.get(i).asDouble(),
                    "scale-up " + i + ": START after the first task taken " + root.get("scaleUpLatency"));
        }
        List<String> rows = Files.readAllLines(profile).stream().filter(l -> l.startsWith("up,")).toList();
        assertEquals(2, rows.size(), rows.toString());
        assertTrue(Files.readString(profile).contains("on the openfaas platform"));
        assertEquals(List.of(), gw.functionNames(), "every function is deleted at the end");
    }

    @Test
    void theScalingCurveSaysWhenNoFarmSizeFitsTheGateway() {
        assertOneClearLine(scalingCurve(passwordFile, "--workers", "4,8", "--openfaas-max-functions", "5"), 2,
                "the gateway hosts at most 3 workers in the per-worker-function layout");
    }

    @Test
    void theScalingCurveReportsAWrongPasswordAndAFailingGatewayInOneLine() throws IOException {
        Path wrong = dir.resolve("wrong");
        Files.writeString(wrong, "not-" + PASSWORD + "\n");
        assertOneClearLine(scalingCurve(wrong, "--workers", "1", "--scale-ups", "1"), 1,
                "refused the login of user admin (401)");
        gw.failNext(1000, 502);
        assertOneClearLine(scalingCurve(passwordFile, "--workers", "1", "--scale-ups", "1"), 1, "(502");
    }

    @Test
    void theRegressionSuiteRunsOnTheGatewayAndWritesItsBaseline() throws Exception {
        Path baseline = dir.resolve("openfaas.json");
        Object[] r = FarmhandCommandTest.run("regression", "--platform", "openfaas", "--gateway", gw.url(),
                "--thresholds", Path.of("..", "ci", "thresholds.yaml").toString(),
                "--gateway-password-file", passwordFile.toString(), "--openfaas-layout", "replicas",
                "--redis", TestRedis.url(), "--update-baseline", "--baseline", baseline.toString(),
                "--out", dir.resolve("regression").toString(), FAST_START[0], FAST_START[1]);
        assertEquals(0, r[0], () -> "stdout: " + r[1] + "\nstderr: " + r[2]);
        String out = (String) r[1];
        assertTrue(out.contains("regression suite on openfaas (gateway " + gw.url()), out);
        assertTrue(out.contains("scale-up latency over 10 scale-ups on openfaas"), out);
        JsonNode root = new JsonMapper().readTree(baseline.toFile());
        assertEquals("openfaas", root.get("platform").asString());
        List<String> names = new ArrayList<>();
        root.get("figures").forEach(f -> names.add(f.get("name").asString()));
        for (String expected : List.of("scale-up.p50", "scale-up.p95", "speedup.n2", "speedup.n4", "data-path.p50",
                "qos.reactive-average", "workers.static-15")) {
            assertTrue(names.contains(expected), expected + " in " + names);
        }
        assertEquals(List.of(), gw.functionNames(), "every function is deleted at the end");
        assertFalse(out.contains(PASSWORD) || ((String) r[2]).contains(PASSWORD));
    }

    @Test
    void theRegressionSuiteRefusesALayoutTheGatewayCannotHostNMaxIn() {
        Object[] r = FarmhandCommandTest.run("regression", "--platform", "openfaas", "--gateway", gw.url(),
                "--thresholds", Path.of("..", "ci", "thresholds.yaml").toString(),
                "--gateway-password-file", passwordFile.toString(), "--out", dir.resolve("regression").toString(),
                "--update-baseline", "--baseline", dir.resolve("b.json").toString());
        assertOneClearLine(r, 2, "the gateway hosts at most 13 in the per-worker-function layout");
    }

    @Test
    void theRegressionSuiteReportsAWrongPasswordBeforeItMeasuresAnything() throws IOException {
        Path wrong = dir.resolve("wrong");
        Files.writeString(wrong, "not-" + PASSWORD + "\n");
        Object[] r = FarmhandCommandTest.run("regression", "--platform", "openfaas", "--gateway", gw.url(),
                "--thresholds", Path.of("..", "ci", "thresholds.yaml").toString(),
                "--gateway-password-file", wrong.toString(), "--openfaas-layout", "replicas",
                "--out", dir.resolve("regression").toString(), "--update-baseline", "--baseline",
                dir.resolve("b.json").toString());
        assertOneClearLine(r, 1, "refused the login of user admin (401)");
        assertFalse(((String) r[1]).contains("reference:"), "nothing was measured: " + r[1]);
    }

    @Test
    void reproduceRunsTableThreesLiveEpisodesOnTheGatewayDouble() throws Exception {
        Path config = dir.resolve("short-training.yaml");
        // a quarter of the paper's episode (4 phases of 15 s, 8 control steps) keeps 10 live episodes short;
        // every policy still runs a whole live episode on the gateway, scaling through its phases
        Files.writeString(config, "training:\n  sarsaEpisodes: 20\n  dqnEpisodes: 2\nworkload:\n  phaseSeconds: 15.0\n"
                + "  windowsPerPhase: 15\nenvironment:\n  maxSteps: 8\n");
        Path out = dir.resolve("repro");
        Object[] r = FarmhandCommandTest.run("reproduce", "--out", out.toString(), "--config", config.toString(),
                "--episodes", "1", "--lead-episodes", "0", "--no-oracle", "--no-scaling-curve", "--backend", "live",
                "--redis", TestRedis.url(), "--time-compression", "20", "--platform", "openfaas", "--gateway", gw.url(),
                "--gateway-password-file", passwordFile.toString(), "--openfaas-layout", "replicas", FAST_START[0],
                FAST_START[1]);
        assertEquals(0, r[0], () -> "stdout: " + r[1] + "\nstderr: " + r[2]);
        String table = Files.readString(out.resolve("table3.md"));
        for (String policy : List.of("sarsa", "dqn", "reactive-average", "reactive-maximum", "static-16")) {
            assertTrue(table.contains(policy), policy + " in " + table);
        }
        assertTrue(table.contains("(live, seeds 42-42"), table);
        assertEquals(List.of(), gw.functionNames(), "every function is deleted at the end");
        assertFalse(((String) r[1]).contains(PASSWORD) || ((String) r[2]).contains(PASSWORD));
    }
}
