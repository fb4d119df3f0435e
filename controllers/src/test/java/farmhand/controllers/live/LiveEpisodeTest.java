package farmhand.controllers.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import farmhand.controllers.env.EnvironmentConfig;
import farmhand.controllers.env.FarmEnvironment;
import farmhand.controllers.env.StepResult;
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

    @Test
    void aStepOfPlusThreeOnTheLiveFarmStartsThreeWorkersAndMinusThreeRetiresThem() {
        LiveFarmBackend live = LiveFarmBackend.local(TestRedis.url(), LatencyProfile.openFaasMeasured(), 20);
        try (FarmEnvironment env = new FarmEnvironment(live, new WorkloadGenerator(WorkloadConfig.paper()),
                EnvironmentConfig.paper().withInitialWorkers(4).withMaxDeltaPerStep(3),
                new RewardFunction(RewardConfig.DEFAULT))) {
            env.reset(42);
            StepResult up = env.step(farmhand.controllers.env.Action.of(3));
            assertEquals(3, up.info().appliedDelta());
            assertEquals(7, up.observation().workers());
            assertEquals(7, live.telemetry().workers());
            assertTrue(up.info().scalingSeconds() > 0, "the step was blocked while the workers started");
            StepResult down = env.step(farmhand.controllers.env.Action.of(-3));
            assertEquals(-3, down.info().appliedDelta());
            assertEquals(4, down.observation().workers());
            assertEquals(4, live.platform().deployed().stream().filter(n -> n.startsWith("worker-")).count());
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(value = farmhand.farm.workload.NamedWorkload.class,
            names = {"IMPULSE", "HEAVY_TAILED", "RANDOM_ORDER"})
    void theNewWorkloadsRunOnTheLiveFarmAndEveryTaskIsCollected(farmhand.farm.workload.NamedWorkload named) {
        runsLiveToTheLastTask(named.apply(WorkloadConfig.paper(), null));
    }

    @Test
    void aTraceFileIsReplayedOnTheLiveFarm(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("arrival_seconds,service_seconds\n");
        for (int i = 0; i < 200; i++) {
            csv.append(String.format(java.util.Locale.ROOT, "%.3f,%.3f%n", i * 0.25, 0.5 + (i % 7) * 0.25));
        }
        java.nio.file.Path trace = dir.resolve("trace.csv");
        java.nio.file.Files.writeString(trace, csv);
        runsLiveToTheLastTask(WorkloadConfig.paper().withShape(farmhand.farm.workload.WorkloadShape.TRACE, trace.toString()));
    }

    private static void runsLiveToTheLastTask(WorkloadConfig workload) {
        WorkloadGenerator generator = new WorkloadGenerator(workload);
        int tasks = generator.generate(42).size();
        LiveFarmBackend live = LiveFarmBackend.local(TestRedis.url(), LatencyProfile.openFaasMeasured(), 20);
        EnvironmentConfig paper = EnvironmentConfig.paper();
        // 40 steps, not 30: a heavy-tailed task of up to 11.5 s generated near the end may outlast the paper's 240 s
        EnvironmentConfig longer = new EnvironmentConfig(paper.stepSeconds(), 40, 12, paper.minWorkers(),
                paper.maxWorkers(), paper.windowSeconds(), paper.idleCompletionSeconds(), paper.settleSeconds());
        try (FarmEnvironment env = new FarmEnvironment(live, generator, longer, new RewardFunction(RewardConfig.DEFAULT))) {
            EpisodeMetrics m = new Evaluator(env).runEpisode(
                    farmhand.controllers.policy.anticipatory.AnticipatoryPolicy.tuned(), 42, 12);
            FarmAccount account = live.account().orElseThrow();
            assertTrue(m.terminated(), "the episode was cut at " + m.steps() + " steps with "
                    + (tasks - m.collected()) + " tasks pending");
            assertEquals(tasks, m.collected());
            assertEquals(new FarmAccount(tasks, tasks, java.util.Map.of(), 0, 0, 0, 0, 0), account, account.describe());
        }
    }
}
