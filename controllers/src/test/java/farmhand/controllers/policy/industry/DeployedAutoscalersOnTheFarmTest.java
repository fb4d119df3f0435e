package farmhand.controllers.policy.industry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import farmhand.controllers.env.EnvironmentConfig;
import farmhand.controllers.env.FarmEnvironment;
import farmhand.controllers.eval.EpisodeMetrics;
import farmhand.controllers.eval.Evaluator;
import farmhand.controllers.catalog.PolicyKind;
import farmhand.controllers.policy.Policy;
import farmhand.controllers.reward.RewardConfig;
import farmhand.controllers.reward.RewardFunction;
import farmhand.farm.sim.SimulatedFarm;
import farmhand.farm.workload.WorkloadConfig;
import farmhand.farm.workload.WorkloadGenerator;
import org.junit.jupiter.api.Test;

class DeployedAutoscalersOnTheFarmTest {

    private static FarmEnvironment environment(EnvironmentConfig config) {
        return new FarmEnvironment(SimulatedFarm.paper(), new WorkloadGenerator(WorkloadConfig.paper()), config,
                new RewardFunction(RewardConfig.DEFAULT));
    }

    @Test
    void everyRuleRunsWholeEpisodesInTheLoopMadeForItAndRequestsOnlyWhatItAllows() {
        EnvironmentConfig loop = PolicyKind.KNATIVE_KPA.environmentFor(EnvironmentConfig.paper());
        assertEquals(31, loop.maxDeltaPerStep(), "as wide as the worker bounds [1, 32]");
        try (FarmEnvironment env = environment(loop)) {
            Evaluator evaluator = new Evaluator(env);
            for (PolicyKind kind : PolicyKind.deployedAutoscalers()) {
                Policy p = kind.create(null, farmhand.controllers.policy.reactive.ReactiveConfig.paper(), loop);
                EpisodeMetrics m = evaluator.runEpisode(p, 42, 12);
                String name = kind.spelling();
                assertEquals(name, p.name());
                assertTrue(m.meanWorkers() >= 1 && m.meanWorkers() <= 32, name + ": " + m.meanWorkers());
            }
        }
    }

    @Test
    void todaysKedaRowNeverScalesThePapersFarm() {
        try (FarmEnvironment env = environment(PolicyKind.wide(EnvironmentConfig.paper()))) {
            EpisodeMetrics m = new Evaluator(env).runEpisode(
                    KedaRedisListPolicy.defaults(env.config()), 43, 12);
            assertEquals(0, m.scalingActions(), "listLength 5: the backlog never exceeds 5 x 12 x 1.1");
            assertEquals(12.0, m.meanWorkers(), 1e-9);
        }
    }

    @Test
    void theLoopOfPoliciesLimitedToOneWorkerIsLeftAsConfigured() {
        EnvironmentConfig paper = EnvironmentConfig.paper();
        assertSame(paper, PolicyKind.SARSA.environmentFor(paper));
        assertSame(paper, PolicyKind.ANTICIPATORY.environmentFor(paper));
        assertEquals(10, PolicyKind.deployedAutoscalers().size());
        EnvironmentConfig two = paper.withMaxDeltaPerStep(2);
        assertSame(two, PolicyKind.KEDA_REDIS_LIST.environmentFor(two), "a configured k > 1 is kept");
    }

    @Test
    void aRuleAskingForMoreThanThePapersSpaceWalksWhenGivenIt() {
        try (FarmEnvironment env = environment(EnvironmentConfig.paper())) {
            Policy p = PolicyKind.OPENFAAS_QUEUE_1.create(null, farmhand.controllers.policy.reactive.ReactiveConfig.paper(),
                    EnvironmentConfig.paper());
            EpisodeMetrics m = new Evaluator(env).runEpisode(p, 42, 12);
            assertTrue(m.maxWorkers() <= 20);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PolicyKind.of("nope"));
        assertTrue(e.getMessage().contains("knative-kpa"), e.getMessage());
    }
}
