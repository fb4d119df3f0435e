package farmhand.farm.platform.openfaas;

import static farmhand.farm.testing.LiveFarms.PAPER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import farmhand.farm.backend.CompletedTask;
import farmhand.farm.backend.EpisodeSpec;
import farmhand.farm.live.LiveFarmBackend;
import farmhand.farm.queue.FarmAccount;
import farmhand.farm.testing.LiveFarms;
import farmhand.farm.testing.OpenFaasGatewayDouble;
import farmhand.farm.testing.TestRedis;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The farm on the OpenFaaS platform, against the CE gateway double backed by local threads and a real Redis. */
class OpenFaasPlatformTest {

    private static final Duration READINESS = Duration.ofMillis(200);

    private static OpenFaasPlatformConfig config(OpenFaasGatewayDouble gw, Layout layout) {
        return OpenFaasPlatformConfig.of(GatewayConfig.of(gw.url(), new GatewayCredentials("admin", "pw")),
                        "example.invalid/farmhand-function:1", layout)
                .withTimings(Duration.ofSeconds(20), Duration.ofMillis(20), Duration.ofSeconds(1));
    }

    private static LiveFarmBackend farmOn(OpenFaasGatewayDouble gw, String prefix, Layout layout) {
        return LiveFarms.on(LiveFarms.options(TestRedis.url(), prefix, 20), o -> new OpenFaasPlatform(config(gw, layout)));
    }

    @Test
    void aWholeEpisodeRunsWithAFunctionPerWorkerAndTheAccountBalances() throws Exception {
        try (OpenFaasGatewayDouble gw = new OpenFaasGatewayDouble("pw", READINESS);
             LiveFarmBackend farm = LiveFarms.on(LiveFarms.options(TestRedis.url(), "openfaas-pwf:", 20),
                     o -> new OpenFaasPlatform(config(gw, Layout.PER_WORKER_FUNCTION)))) {
            farm.start(new EpisodeSpec(PAPER, 4, 42));
            assertEquals(List.of("collector", "emitter", "worker-1", "worker-2", "worker-3", "worker-4"),
                    gw.functionNames().stream().sorted().toList());
            assertEquals(1, farm.scale(+1).appliedDelta());
            assertTrue(gw.functionNames().contains("worker-5"));
            OpenFaasPlatform platform = (OpenFaasPlatform) farm.platform();
            OpenFaasPlatform.ScaleUp up = platform.scaleUps().getLast();
            assertEquals("worker-5", up.function());
            assertTrue(up.availableSeconds() >= 0.15 && up.invokedSeconds() >= up.availableSeconds(),
                    "request -> available -> invoked, measured " + up);
            assertEquals(-1, farm.scale(-1).appliedDelta());
            assertEquals(6, gw.functionNames().size(), "the retired worker's function is deleted");
            List<CompletedTask> done = LiveFarms.runToEnd(farm);
            assertEquals(1140, done.size());
            FarmAccount account = farm.account().orElseThrow();
            assertTrue(account.balances(), account.toString());
            assertEquals(new FarmAccount(1140, 1140, Map.of(), 0, 0, 0, 0, 0), account);
        }
    }

    @Test
    void aWorkerWhoseFunctionIsDeletedMidTaskIsReplacedAndNothingIsLost() throws Exception {
        try (OpenFaasGatewayDouble gw = new OpenFaasGatewayDouble("pw", READINESS);
             LiveFarmBackend farm = LiveFarms.on(LiveFarms.options(TestRedis.url(), "openfaas-kill:", 20),
                     o -> new OpenFaasPlatform(config(gw, Layout.PER_WORKER_FUNCTION)))) {
            farm.start(new EpisodeSpec(PAPER, 6, 7));
            farm.advanceTo(70); // phase 2: every worker is busy
            farm.platform().kill("worker-2"); // its function is deleted on the gateway, its pod goes
            List<CompletedTask> done = LiveFarms.runToEnd(farm);
            FarmAccount account = farm.account().orElseThrow();
            assertTrue(farm.crashes() >= 1, "the reaper saw " + farm.crashes() + " crashes");
            assertTrue(gw.functionNames().contains("worker-2"), "worker-2 was deployed again");
            assertEquals(1140, done.size());
            assertEquals(0, account.lost(), account.describe());
            assertTrue(account.balances(), account.describe());
        }
    }

    @Test
    void workersAsReplicasFillSharedFunctionsOfAtMostFiveReplicas() throws Exception {
        try (OpenFaasGatewayDouble gw = new OpenFaasGatewayDouble("pw", READINESS);
             LiveFarmBackend farm = LiveFarms.on(LiveFarms.options(TestRedis.url(), "openfaas-rep:", 20),
                     o -> new OpenFaasPlatform(config(gw, Layout.REPLICAS)))) {
            farm.start(new EpisodeSpec(PAPER, 6, 42));
            assertEquals(List.of("collector", "emitter", "workers-1", "workers-2"),
                    gw.functionNames().stream().sorted().toList());
            OpenFaasPlatform platform = (OpenFaasPlatform) farm.platform();
            assertEquals(5, platform.gateway().function("workers-1").orElseThrow().replicas());
            assertEquals(1, platform.gateway().function("workers-2").orElseThrow().replicas());
            assertEquals(1, farm.scale(+1).appliedDelta());
            assertEquals(2, platform.gateway().function("workers-2").orElseThrow().replicas());
            assertEquals(List.of("worker-1", "worker-2", "worker-3", "worker-4", "worker-5", "worker-6", "worker-7"),
                    gw.running().stream().filter(n -> n.startsWith("worker-")).sorted().toList(),
                    "every replica runs under a name of its own");
            Map<String, String> env = gw.envOf("workers-1");
            assertEquals("true", env.get("FARM_CLAIM_NAME"));
            assertEquals("true", env.get("FARM_AUTOSTART"));
            assertTrue(!env.containsKey("FARM_NAME"), "the replicas share one deployment: no name in it " + env);
            for (var r = gw.takeRequestNow(); r != null; r = gw.takeRequestNow()) {
                assertTrue(!r.getUrl().encodedPath().startsWith("/async-function/workers-"),
                        "a replica's loop starts with its container, not by invocation: " + r.getUrl());
            }
            List<CompletedTask> done = LiveFarms.runToEnd(farm);
            assertEquals(1140, done.size());
            assertTrue(farm.account().orElseThrow().balances(), farm.account().orElseThrow().toString());
        }
    }

    @Test
    void threeWorkersOfOneScaleUpStartTogetherWithAFunctionEachAndLeaveTogether() throws Exception {
        try (OpenFaasGatewayDouble gw = new OpenFaasGatewayDouble("pw", READINESS);
             LiveFarmBackend farm = farmOn(gw, "openfaas-pwf-k:", Layout.PER_WORKER_FUNCTION)) {
            farm.start(new EpisodeSpec(PAPER, 2, 42));
            assertEquals(3, farm.scale(+3).appliedDelta());
            assertEquals(List.of("collector", "emitter", "worker-1", "worker-2", "worker-3", "worker-4", "worker-5"),
                    gw.functionNames().stream().sorted().toList());
            assertEquals(5, farm.telemetry().workers());
            assertEquals(-3, farm.scale(-3).appliedDelta());
            assertEquals(4, gw.functionNames().size(), "the three retired workers' functions are deleted");
        }
    }

    @Test
    void threeReplicasOfOneScaleUpEachClaimANameOfTheirOwn() throws Exception {
        try (OpenFaasGatewayDouble gw = new OpenFaasGatewayDouble("pw", READINESS);
             LiveFarmBackend farm = farmOn(gw, "openfaas-rep-k:", Layout.REPLICAS)) {
            farm.start(new EpisodeSpec(PAPER, 4, 42));
            assertEquals(3, farm.scale(+3).appliedDelta()); // worker-5 fills workers-1, worker-6 and -7 open workers-2
            OpenFaasPlatform platform = (OpenFaasPlatform) farm.platform();
            assertEquals(5, platform.gateway().function("workers-1").orElseThrow().replicas());
            assertEquals(2, platform.gateway().function("workers-2").orElseThrow().replicas());
            assertEquals(List.of("worker-1", "worker-2", "worker-3", "worker-4", "worker-5", "worker-6", "worker-7"),
                    gw.running().stream().filter(n -> n.startsWith("worker-")).sorted().toList(),
                    "every replica runs under a name of its own");
        }
    }

    @Test
    void aScaleDownInTheReplicasLayoutStopsTheRetiredWorkersPodAndNoOtherWorker() throws Exception {
        try (OpenFaasGatewayDouble gw = new OpenFaasGatewayDouble("pw", READINESS);
             LiveFarmBackend farm = LiveFarms.on(LiveFarms.options(TestRedis.url(), "openfaas-rep-down:", 20),
                     o -> new OpenFaasPlatform(config(gw, Layout.REPLICAS)))) {
            farm.start(new EpisodeSpec(PAPER, 5, 42));
            for (int i = 0; i < 3; i++) {
                // the worker that ACKs is whichever polls first; the double's scale-down, as a ReplicaSet's,
                // stops a not-ready pod first, else the newest: scaled down before the ACKed worker's pod went
                // unready, it stops a worker the farm still counts
                assertEquals(-1, farm.scale(-1).appliedDelta());
            }
            Thread.sleep(3 * READINESS.toMillis()); // the retired replicas' restarts settle
            OpenFaasPlatform platform = (OpenFaasPlatform) farm.platform();
            assertEquals(2, platform.gateway().function("workers-1").orElseThrow().replicas());
            assertEquals(2, farm.telemetry().workers());
            assertEquals(2, gw.running().stream().filter(n -> n.startsWith("worker-")).count(),
                    "the farm's 2 workers still run, on the 2 replicas left: " + gw.running());
            assertEquals(-1, farm.scale(-1).appliedDelta(), "a live worker ACKs the next SCALE_DOWN");
        }
    }

    @Test
    void aGatewayThatKeepsFewerReplicasThanAskedIsReportedAsTheCeLimit() throws Exception {
        try (OpenFaasGatewayDouble gw = new OpenFaasGatewayDouble("pw", Duration.ZERO)) {
            OpenFaasPlatformConfig c = config(gw, Layout.REPLICAS);
            OpenFaasPlatformConfig six = new OpenFaasPlatformConfig(c.gateway(), c.image(), c.layout(), null, null,
                    c.readyTimeout(), c.pollInterval(), 6, c.startAllowance());
            try (OpenFaasPlatform platform = new OpenFaasPlatform(six)) {
                var env = new farmhand.farm.runtime.FunctionEnvironment(
                        farmhand.farm.runtime.FunctionSpec.worker(new farmhand.farm.runtime.WorkerName(1)),
                        farmhand.farm.queue.RedisEndpoint.of(TestRedis.url()),
                        new farmhand.farm.queue.QueueNames("cap:", "r1"));
                for (int k = 1; k <= 5; k++) {
                    platform.deploy(env.forFunction(farmhand.farm.runtime.FunctionSpec.worker(
                            new farmhand.farm.runtime.WorkerName(k))), true);
                }
                GatewayException e = assertThrows(GatewayException.class, () -> platform.deploy(
                        env.forFunction(farmhand.farm.runtime.FunctionSpec.worker(
                                new farmhand.farm.runtime.WorkerName(6))), true));
                assertTrue(e.getMessage().contains("for 6 replicas of 'workers-1', the gateway keeps 5: OpenFaaS CE limit"),
                        e.getMessage());
            }
        }
    }

    @Test
    void theReapersFrequentQuestionsReadTheGatewayAtMostOnceASecond() throws Exception {
        try (OpenFaasGatewayDouble gw = new OpenFaasGatewayDouble("pw", Duration.ZERO);
             OpenFaasPlatform platform = new OpenFaasPlatform(config(gw, Layout.PER_WORKER_FUNCTION))) {
            var env = new farmhand.farm.runtime.FunctionEnvironment(farmhand.farm.runtime.FunctionSpec.collector(),
                    farmhand.farm.queue.RedisEndpoint.of(TestRedis.url()), new farmhand.farm.queue.QueueNames("poll:", "r1"));
            platform.deploy(env, false);
            int before = gw.requestCount();
            long t0 = System.nanoTime();
            for (int i = 0; i < 50; i++) {
                platform.exited("collector");
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            int reads = gw.requestCount() - before;
            assertTrue(reads >= 1 && reads <= 1 + (int) seconds, reads + " reads in " + seconds + " s");
            platform.gateway().delete("collector"); // gone behind the platform's back
            Thread.sleep(1_100);
            assertTrue(platform.exited("collector"), "a function deleted on the gateway has exited");
        }
    }

    @Test
    void aRedisPasswordInTheUrlIsNotSentToTheGateway() throws Exception {
        try (OpenFaasGatewayDouble gw = new OpenFaasGatewayDouble("pw", Duration.ZERO);
             OpenFaasPlatform platform = new OpenFaasPlatform(config(gw, Layout.PER_WORKER_FUNCTION))) {
            var env = new farmhand.farm.runtime.FunctionEnvironment(farmhand.farm.runtime.FunctionSpec.emitter(),
                    farmhand.farm.queue.RedisEndpoint.of("redis://:hunter2@127.0.0.1:6379"),
                    new farmhand.farm.queue.QueueNames("pw:", "r1"));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> platform.deploy(env, true));
            assertTrue(e.getMessage().contains("OpenFaaS secret") && !e.getMessage().contains("hunter2"), e.getMessage());
            assertEquals(List.of(), gw.functionNames());
        }
    }
}
