package farmhand.controllers.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import farmhand.controllers.env.EnvironmentConfig;
import farmhand.controllers.env.FarmEnvironment;
import farmhand.controllers.policy.sarsa.Discretizer;
import farmhand.controllers.policy.sarsa.SarsaAgent;
import farmhand.controllers.policy.sarsa.SarsaConfig;
import farmhand.controllers.reward.RewardConfig;
import farmhand.controllers.reward.RewardFunction;
import farmhand.farm.sim.SimulatedFarm;
import farmhand.farm.workload.WorkloadConfig;
import farmhand.farm.workload.WorkloadGenerator;
import java.util.List;
import org.junit.jupiter.api.Test;

class SarsaTrainerTest {

    private static FarmEnvironment env() {
        return new FarmEnvironment(SimulatedFarm.paper(), new WorkloadGenerator(WorkloadConfig.paper()),
                EnvironmentConfig.paper(), new RewardFunction(RewardConfig.DEFAULT));
    }

    private static TrainingResult<SarsaAgent> train(int episodes, long seed) {
        try (FarmEnvironment env = env()) {
            return new Trainer(env).train(new SarsaLearner(new SarsaAgent(SarsaConfig.paper(), Discretizer.PAPER)),
                    new TrainingPlan(episodes, seed, 0, 0, List.of(), false), TrainingListener.none());
        }
    }

    @Test
    void theSameSeedTrainsTheSameModel() {
        assertEquals(train(40, 3).agent(), train(40, 3).agent());
        assertNotEquals(train(40, 3).agent(), train(40, 4).agent());
    }

    @Test
    void aResumedRunEndsWhereAnUnbrokenOneDoes() {
        SarsaAgent unbroken = train(30, 5).agent();
        try (FarmEnvironment env = env()) {
            SarsaAgent agent = new SarsaAgent(SarsaConfig.paper(), Discretizer.PAPER);
            TrainingPlan first = new TrainingPlan(12, 5, 0, 0, List.of(), false);
            new Trainer(env).train(new SarsaLearner(agent), first, TrainingListener.none());
            TrainingPlan rest = new TrainingPlan(18, 5, 12, 0, List.of(), false);
            TrainingResult<SarsaAgent> resumed = new Trainer(env).train(new SarsaLearner(agent), rest, TrainingListener.none());
            assertEquals(unbroken, resumed.agent());
            assertEquals(30, resumed.episodesTrained());
        }
    }

    @Test
    void epsilonFollowsTheScheduleAndReportsComeOncePerEpisode() {
        TrainingResult<SarsaAgent> r = train(20, 1);
        assertEquals(20, r.reports().size());
        assertEquals(0.40, r.reports().get(0).epsilon(), 1e-12);
        assertEquals(0.40 * Math.pow(0.995, 19), r.reports().get(19).epsilon(), 1e-12);
        assertTrue(r.agent().visitedStates() > 10);
    }

    @Test
    void keepingTheBestPrefersHighQosThenFewerWorkers() {
        assertTrue(TrainingPlan.better(0.995, 16, 0.97, 12), "reaching the bar beats fewer workers below it");
        assertTrue(TrainingPlan.better(0.992, 14, 0.999, 15), "above the bar fewer workers win");
        assertTrue(TrainingPlan.better(0.98, 20, 0.97, 12), "below the bar higher QoS wins");
    }
}
