package farmhand.farm.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.HostConfig;
import farmhand.farm.backend.CompletedTask;
import farmhand.farm.backend.EpisodeSpec;
import farmhand.farm.live.LiveFarmBackend;
import farmhand.farm.platform.LatencyProfile;
import farmhand.farm.platform.LocalPlatform;
import farmhand.farm.platform.Platform;
import farmhand.farm.platform.docker.DockerPlatformConfig;
import farmhand.farm.queue.FarmAccount;
import farmhand.farm.queue.RedisQueues;
import farmhand.farm.runtime.FunctionEnvironment;
import farmhand.farm.runtime.FunctionRole;
import farmhand.farm.runtime.NameClaim;
import farmhand.farm.testing.ContainerTests;
import farmhand.farm.testing.LiveFarms;
import farmhand.farm.testing.TestRedis;
import farmhand.farm.workload.BatchWorkload;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The function image's side of OpenFaaS's {@code replicas} layout, in real containers: every worker container gets
 * the same environment without a name (as the replicas of one OpenFaaS function do), starts its loop with the
 * container, claims the name the platform offered on the farm's Redis and announces START under it.
 */
class NameClaimingContainerTest {

    /**
     * Workers as identical containers (one Deployment's replicas, as far as the image can tell); the emitter and
     * the collector on threads. Test-only: it plays the part of the shared OpenFaaS function's pods.
     */
    private static final class IdenticalWorkerContainers implements Platform {
        private final DockerClient docker = ContainerEngine.client();
        private final LocalPlatform others = new LocalPlatform(LatencyProfile.instant(), 1);
        private final Map<String, String> workers = new ConcurrentHashMap<>();
        private final List<String> containerIds = new ArrayList<>();
        private final List<List<String>> envs = new ArrayList<>();
        private RedisQueues board;

        @Override
        public String name() {
            return "identical-worker-containers";
        }

        @Override
        public void beginEpisode(long seed) {
        }

        @Override
        public Duration startAllowance() {
            return Duration.ofSeconds(8);
        }

        @Override
        public synchronized void deploy(FunctionEnvironment function, boolean initial) {
            if (function.function().role() != FunctionRole.WORKER) {
                others.deploy(function, initial);
                return;
            }
            if (board == null) {
                board = new RedisQueues(function.redis(), function.names(), Duration.ofSeconds(10), 1, () -> null);
            }
            board.offerName(function.function().name());
            List<String> env = new ArrayList<>();
            function.toEnv().forEach((k, v) -> {
                if (!k.equals(FunctionEnvironment.NAME)) {
                    env.add(k + "=" + v);
                }
            });
            env.add(NameClaim.CLAIM + "=true");
            env.add(FunctionContainerMain.AUTOSTART + "=true");
            env.add(FunctionContainerMain.PORT + "=" + freePort());
            String id = docker.createContainerCmd(DockerPlatformConfig.DEFAULT_IMAGE).withEnv(env)
                    .withLabels(Map.of("farmhand.test", "name-claim"))
                    .withHostConfig(HostConfig.newHostConfig().withNetworkMode("host")).exec().getId();
            docker.startContainerCmd(id).exec();
            containerIds.add(id);
            envs.add(env);
            workers.put(function.function().name(), id);
        }

        @Override
        public void retire(String name, long requestedNanos) {
            remove(name);
        }

        @Override
        public void remove(String name) {
            if (workers.remove(name) == null) {
                others.remove(name);
            } else if (board != null) {
                board.withdrawName(name); // its container ends by itself (ACK or TERMINATE ends its loop)
            }
        }

        @Override
        public void kill(String name) {
            throw new UnsupportedOperationException("not needed here");
        }

        @Override
        public Set<String> deployed() {
            Set<String> all = new TreeSet<>(others.deployed());
            all.addAll(workers.keySet());
            return all;
        }

        @Override
        public boolean exited(String name) {
            return !workers.containsKey(name) && others.exited(name);
        }

        @Override
        public synchronized void close() {
            others.close();
            for (String id : containerIds) {
                try {
                    docker.removeContainerCmd(id).withForce(true).exec();
                } catch (RuntimeException e) {
                    System.err.println("could not remove test container " + id + ": " + e.getMessage());
                }
            }
            if (board != null) {
                board.close();
            }
        }

        private static int freePort() {
            try (ServerSocket s = new ServerSocket(0)) {
                return s.getLocalPort();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Test
    void identicalWorkerContainersEachClaimANameOfTheirOwnAndTheFarmAwaitsTheirStartUnderIt() {
        ContainerTests.assumeEngine();
        Assumptions.assumeTrue(ContainerEngine.hasImage(DockerPlatformConfig.DEFAULT_IMAGE),
                "the function image " + DockerPlatformConfig.DEFAULT_IMAGE + " is not in the engine (build it with "
                        + "./mvnw -pl farm -am package -DskipTests jib:dockerBuild)");
        IdenticalWorkerContainers[] made = new IdenticalWorkerContainers[1];
        try (LiveFarmBackend farm = LiveFarms.on(LiveFarms.options(TestRedis.url(), "claim-ct:", 20), o -> {
            made[0] = new IdenticalWorkerContainers();
            return made[0];
        })) {
            farm.start(new EpisodeSpec(BatchWorkload.of(200, 2.0, 0, 42), 2, 42));
            assertEquals(1, farm.scale(+1).appliedDelta(), "the third container claimed worker-3 and sent its START");
            List<CompletedTask> done = LiveFarms.runToEnd(farm);
            assertEquals(200, done.size());
            Set<String> takers = new TreeSet<>();
            done.forEach(c -> takers.add(c.worker()));
            assertEquals(Set.of("worker-1", "worker-2", "worker-3"), takers, "each container worked under its name");
            FarmAccount account = farm.account().orElseThrow();
            assertTrue(account.balances(), account.describe());
            assertEquals(3, made[0].envs.size());
            for (List<String> env : made[0].envs) {
                assertFalse(env.stream().anyMatch(v -> v.startsWith(FunctionEnvironment.NAME + "=")),
                        "no container was told its name: " + env);
            }
        }
    }
}
