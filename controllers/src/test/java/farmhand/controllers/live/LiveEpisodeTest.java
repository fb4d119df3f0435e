package farmhand.controllers.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import farmhand.controllers.env.EnvironmentConfig;
import farmhand.controllers.env.FarmEnvironment;
import farmhand.controllers.eval.EpisodeMetrics;
import farmhand.controllers.eval.Evaluator;
import farmhand.controllers.policy.reactive.ReactivePolicy;
import farmhand.controllers.reward.RewardConfig;
import farmhand.controllers.reward.RewardFunction;
import farmhand.farm.queue.FarmAccount;
import farmhand.farm.live.LiveFarmBackend;
import farmhand.farm.platform.LatencyProfile;
import farmhand.farm.testing.TestRedis;
import farmhand.farm.workload.WorkloadConfig;
import farmhand.farm.workload.WorkloadGenerator;
import org.junit.jupiter.api.Test;

/** The environment drives the live Redis farm exactly as it drives the simulator. */
class LiveEpisodeTest {

    @Test
    void aTimeCompressedLiveEpisodeWithReactiveAverageCollectsAllTasks() {
        LiveFarmBackend live = LiveFarmBackend.local(TestRedis.url(), LatencyProfile.openFaasMeasured(), 20);
        try (FarmEnvironment env = new FarmEnvironment(live, new WorkloadGenerator(WorkloadConfig.paper()),
                EnvironmentConfig.paper().withInitialWorkers(12), new RewardFunction(RewardConfig.DEFAULT))) {
            EpisodeMetrics m = new Evaluator(env).runEpisode(ReactivePolicy.average(), 42, 12);
            FarmAccount account = live.account().orElseThrow();
            assertTrue(m.terminated(), "the episode was cut at " + m.steps() + " steps with "
                    + (1140 - m.collected()) + " tasks pending");
            assertEquals(1140, m.collected());
            assertEquals(new FarmAccount(1140, 1140, java.util.Map.of(), 0, 0, 0, 0, 0), account, account.describe());
            assertTrue(m.scalingActions() > 10, "ReactiveAverage scales nearly every step");
            assertTrue(m.finalQos() > 0.05 && m.finalQos() < 0.95, "final QoS " + m.finalQos());
        }
    }
}
