package farmhand.farm.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import farmhand.farm.backend.CompletedTask;
import farmhand.farm.backend.EpisodeSpec;
import farmhand.farm.live.LiveFarmBackend;
import farmhand.farm.platform.LatencyProfile;
import farmhand.farm.queue.FarmAccount;
import farmhand.farm.testing.ContainerTests;
import farmhand.farm.testing.LiveEpisodes;
import farmhand.farm.testing.RedisContainer;
import farmhand.farm.workload.Workload;
import farmhand.farm.workload.WorkloadConfig;
import farmhand.farm.workload.WorkloadGenerator;
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
            try (LiveFarmBackend farm = LiveFarmBackend.local(redis.url(), LatencyProfile.openFaasMeasured(), 20)) {
                farm.start(new EpisodeSpec(workload, 16, 7));
                List<CompletedTask> done = LiveEpisodes.runToEnd(farm, 700);
                int tasks = workload.size();
                assertEquals(tasks, done.size());
                Set<Integer> ids = new HashSet<>();
                done.forEach(c -> ids.add(c.taskId()));
                assertEquals(tasks, ids.size(), "each task collected once");
                FarmAccount account = farm.account().orElseThrow();
                assertTrue(account.balances(), account.describe());
                assertEquals(tasks, account.collected(), account.describe());
            }
        }
    }
}
