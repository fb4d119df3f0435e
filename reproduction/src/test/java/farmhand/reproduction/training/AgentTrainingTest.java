package farmhand.reproduction.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import farmhand.controllers.training.TrainingListener;
import farmhand.controllers.training.TrainingPlan;
import farmhand.farm.sim.SimulatedFarm;
import farmhand.reproduction.config.ConfigLoader;
import farmhand.reproduction.config.ExperimentConfig;
import org.junit.jupiter.api.Test;

class AgentTrainingTest {

    private static final ExperimentConfig WIDE = ConfigLoader.parse("environment:\n  maxWorkers: 64\n", "wide.yaml");

    private static AgentTraining training() {
        return new AgentTraining(WIDE, c -> new SimulatedFarm(c.simulator().toConfig(c.platform().profile())));
    }

    @Test
    void theDqnsInputsSpanTheConfiguredWorkersNotThePapers() {
        var dqn = training().dqn(TrainingPlan.of(1, 1), TrainingListener.none(), AgentTraining.Checkpoints.NONE);
        assertEquals(64, dqn.agent().space().high()[4]);
    }

    @Test
    void sarsasBinsSpanTheConfiguredWorkersNotThePapers() {
        var sarsa = training().sarsa(TrainingPlan.of(1, 1), null, TrainingListener.none(), AgentTraining.Checkpoints.NONE);
        assertEquals(new double[] {3.5, 7.5, 11.5, 12.5, 16.5, 20.5, 24.5, 28.5, 32.5, 36.5, 40.5, 44.5, 48.5, 52.5, 56.5}.length,
                sarsa.agent().discretizer().workers().length);
    }
}
