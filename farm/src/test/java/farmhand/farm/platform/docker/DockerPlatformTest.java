package farmhand.farm.platform.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import farmhand.farm.backend.CompletedTask;
import farmhand.farm.backend.EpisodeSpec;
import farmhand.farm.container.ContainerEngine;
import farmhand.farm.live.LiveFarmBackend;
import farmhand.farm.live.LiveFarmOptions;
import farmhand.farm.queue.FarmAccount;
import farmhand.farm.queue.QueueNames;
import farmhand.farm.queue.RedisEndpoint;
import farmhand.farm.testing.ContainerTests;
import farmhand.farm.testing.LiveEpisodes;
import farmhand.farm.testing.LiveFarms;
import farmhand.farm.testing.TestRedis;
import farmhand.farm.workload.Workload;
import farmhand.farm.workload.WorkloadConfig;
import farmhand.farm.workload.WorkloadGenerator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * The live farm with every function a container of the function image (built by
 * {@code ./mvnw -pl farm -am package jib:dockerBuild}; .ci/run builds it before the tests).
 */
class DockerPlatformTest {

    private static final double COMPRESSION = 10;
    private static final Workload WORKLOAD = new WorkloadGenerator(WorkloadConfig.paper()).generate(42);

    @BeforeEach
    void needsAnEngineAndTheImage() {
        ContainerTests.assumeEngine();
        assertTrue(ContainerEngine.hasImage(DockerPlatformConfig.DEFAULT_IMAGE),
                "the function image " + DockerPlatformConfig.DEFAULT_IMAGE
                        + " is missing: ./mvnw -pl farm -am package jib:dockerBuild -Dfunction.baseImage=...");
    }

    private static LiveFarmBackend farm(String prefix) {
        LiveFarmOptions options = LiveFarmOptions.defaults(COMPRESSION).withRedis(RedisEndpoint.of(TestRedis.url()))
                .withPrefix(prefix);
        return LiveFarmBackend.create(options, o -> new DockerPlatform(DockerPlatformConfig.defaults()));
    }

    private static List<Container> containersOf(DockerClient docker, String run) {
        return docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(DockerPlatform.LABEL_RUN, run)).exec();
    }

    @Test
    void anEpisodeWithEveryFunctionAContainerCollectsEveryTaskOnceAndItsContainersAreRemovedAtClose() {
        DockerClient docker = ContainerEngine.client();
        String run;
        try (LiveFarmBackend farm = farm("docker-static:")) {
            farm.start(new EpisodeSpec(WORKLOAD, 4, 42));
            run = farm.runId();
            List<Container> running = containersOf(docker, run);
            assertEquals(6, running.size(), "emitter, collector and 4 workers, each a container labelled with the run");
            var up = farm.scale(+1);
            assertEquals(1, up.appliedDelta());
            assertEquals(7, containersOf(docker, run).size(), "a scale-up is a new container");
            List<CompletedTask> done = LiveEpisodes.runToEnd(farm, 900);
            assertEquals(WORKLOAD.size(), done.size());
            Set<Integer> ids = new HashSet<>();
            done.forEach(c -> ids.add(c.taskId()));
            assertEquals(WORKLOAD.size(), ids.size());
            FarmAccount account = farm.account().orElseThrow();
            assertTrue(account.balances(), account.describe());
            DockerPlatform platform = (DockerPlatform) farm.platform();
            assertFalse(platform.scaleUps().isEmpty());
            for (ScaleUpTiming t : platform.scaleUps()) {
                assertTrue(t.requestNanos() <= t.runningNanos() && t.runningNanos() <= t.healthyNanos()
                        && t.healthyNanos() <= t.invokedNanos(), t.toString());
            }
        }
        assertEquals(List.of(), containersOf(docker, run), "no container of the run is left");
    }

    @Test
    void aWorkerContainerKilledByTheEngineMidTaskHasItsTaskRedeliveredAndNothingIsLost() {
        DockerClient docker = ContainerEngine.client();
        try (LiveFarmBackend farm = farm("docker-kill:");
             RedisClient redis = LiveFarms.foreignClient(TestRedis.url())) {
            farm.start(new EpisodeSpec(WORKLOAD, 4, 42));
            // phase 2 with 4 workers keeps them busy; step until worker-1 holds a task (its processing list)
            String held = new QueueNames("docker-kill:", farm.runId()).processing("worker-1");
            farm.advanceTo(75);
            while (redis.llen(held) == 0 && farm.nowSeconds() < 200) {
                farm.advanceTo(farm.nowSeconds() + 0.5);
            }
            assertEquals(1, redis.llen(held), "worker-1 holds a task when it is killed");
            DockerPlatform platform = (DockerPlatform) farm.platform();
            String id = platform.containerId("worker-1");
            docker.killContainerCmd(id).exec(); // from outside the farm, as a crash would
            List<CompletedTask> done = LiveEpisodes.runToEnd(farm, 900);
            FarmAccount account = farm.account().orElseThrow();
            assertTrue(account.balances(), account.describe());
            assertEquals(0, account.lost(), account.describe());
            assertEquals(WORKLOAD.size(), account.collected(), account.describe());
            assertTrue(account.redelivered() >= 1, "the killed worker's task is redelivered: " + account.describe());
            assertTrue(farm.crashes() >= 1, "the reaper saw the crash");
            assertEquals(WORKLOAD.size(), new HashSet<>(done.stream().map(CompletedTask::taskId).toList()).size());
        }
    }
}
