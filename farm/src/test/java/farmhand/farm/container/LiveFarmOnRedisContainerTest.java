package farmhand.farm.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import farmhand.farm.backend.CompletedTask;
import farmhand.farm.backend.EpisodeSpec;
import farmhand.farm.live.EpisodeAccount;
import farmhand.farm.live.LiveFarmBackend;
import farmhand.farm.platform.LatencyProfile;
import farmhand.farm.platform.LocalPlatform;
import farmhand.farm.queue.QueueNames;
import farmhand.farm.queue.RedisQueues;
import farmhand.farm.testing.ContainerTests;
import farmhand.farm.testing.RedisContainer;
import farmhand.farm.workload.Workload;
import farmhand.farm.workload.WorkloadConfig;
import farmhand.farm.workload.WorkloadGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The live farm with its queues in a Redis container (Testcontainers), whatever TestRedis chose. */
class LiveFarmOnRedisContainerTest {

    @Test
    void aStaticLiveFarmOnARedisContainerCollectsEveryTaskOnceAndTheAccountBalances() {
        ContainerTests.assumeEngine();
        Workload workload = new WorkloadGenerator(WorkloadConfig.paper()).generate(7);
        try (RedisContainer redis = RedisContainer.start()) {
            assertTrue(ContainerEngine.client().inspectContainerCmd(redis.containerId()).exec().getState().getRunning(),
                    "the Redis container runs");
            RedisQueues queues = new RedisQueues(redis.url(), new QueueNames("container:"), Duration.ofSeconds(30));
            LocalPlatform platform = new LocalPlatform(LatencyProfile.openFaasMeasured(), 20, 1);
            try (LiveFarmBackend farm = new LiveFarmBackend(queues, platform, LatencyProfile.openFaasMeasured(), 20, 0.1)) {
                farm.start(new EpisodeSpec(workload, 16, 7));
                List<CompletedTask> done = new ArrayList<>();
                for (double t = 8; t <= 700; t += 8) {
                    farm.advanceTo(t);
                    boolean drained = farm.telemetry().drained();
                    done.addAll(farm.drainCollected());
                    if (drained) {
                        break;
                    }
                }
                int tasks = workload.tasks().size();
                assertEquals(tasks, done.size());
                Set<Integer> ids = new HashSet<>();
                done.forEach(c -> ids.add(c.taskId()));
                assertEquals(tasks, ids.size(), "each task collected once");
                assertEquals(new EpisodeAccount(tasks, tasks, 0, 0, 0, 0), farm.account());
            }
        }
    }
}
