package farmhand.controllers.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import farmhand.controllers.env.EnvironmentConfig;
import farmhand.controllers.env.FarmEnvironment;
import farmhand.controllers.env.Observation;
import farmhand.controllers.env.ObservationSpace;
import farmhand.controllers.policy.dqn.DqnAgent;
import farmhand.controllers.policy.dqn.DqnConfig;
import farmhand.controllers.reward.RewardConfig;
import farmhand.controllers.reward.RewardFunction;
import farmhand.farm.sim.SimulatedFarm;
import farmhand.farm.workload.WorkloadConfig;
import farmhand.farm.workload.WorkloadGenerator;
import java.util.List;
import org.junit.jupiter.api.Test;

class DqnTrainerTest {

    private static DqnAgent train(long seed, int episodes) {
        try (FarmEnvironment env = new FarmEnvironment(SimulatedFarm.paper(),
                new WorkloadGenerator(WorkloadConfig.paper()), EnvironmentConfig.paper(),
                new RewardFunction(RewardConfig.DEFAULT))) {
            DqnAgent agent = new DqnAgent(DqnConfig.paper(), ObservationSpace.PAPER, seed);
            TrainingResult<DqnAgent> r = new DqnTrainer(env).train(agent,
                    new TrainingPlan(episodes, seed, 0, 0, List.of(), false), TrainingListener.none(), DqnAgent::copy);
            assertEquals(episodes, r.reports().size());
            assertTrue(agent.updates() > 0, "no update after warm-up");
            assertEquals(agent.steps() - DqnConfig.paper().warmupSteps() + 1, agent.updates(),
                    "one update per step once warmed up");
            return r.agent();
        }
    }

    @Test
    void theSameSeedTrainsTheSameNetwork() {
        Observation o = new Observation(2, 40, 1, 300, 10, 4, 8, 7, 0.6);
        DqnAgent a = train(5, 20);
        DqnAgent b = train(5, 20);
        assertArrayEquals(a.online().q(a.input(o)), b.online().q(b.input(o)));
    }
}
