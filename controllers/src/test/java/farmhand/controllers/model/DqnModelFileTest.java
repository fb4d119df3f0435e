package farmhand.controllers.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import farmhand.controllers.env.Observation;
import farmhand.controllers.env.ObservationSpace;
import farmhand.controllers.policy.dqn.DqnAgent;
import farmhand.controllers.policy.dqn.DqnConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DqnModelFileTest {

    @TempDir
    Path dir;

    @Test
    void aNetworkSurvivesTheRoundTripThroughAFile() {
        DqnAgent agent = new DqnAgent(DqnConfig.paper(), ObservationSpace.PAPER, 3);
        Path f = dir.resolve("dqn.json");
        DqnModelFile.save(f, agent, 80);
        DqnAgent loaded = DqnModelFile.load(f).agent();
        for (Observation o : new Observation[] {new Observation(3, 0, 0, 10, 12, 1.5, 2.9, 2, 1),
            new Observation(1, 120, 2, 500, 9, 14, 20, 7, 0.1)}) {
            double[] x = agent.input(o);
            assertArrayEquals(agent.online().q(x), loaded.online().q(x), 1e-12);
            assertArrayEquals(agent.target().q(x), loaded.target().q(x), 1e-12);
        }
    }

    @Test
    void aLayerOfTheWrongShapeIsRefusedNamingTheFile() throws Exception {
        Path f = dir.resolve("dqn.json");
        DqnModelFile.save(f, new DqnAgent(DqnConfig.paper(), ObservationSpace.PAPER, 3), 1);
        String text = Files.readString(f).replace("\"hidden1\":128", "\"hidden1\":64");
        Files.writeString(f, text);
        ModelFileException e = assertThrows(ModelFileException.class, () -> DqnModelFile.load(f));
        assertTrue(e.getMessage().contains("dqn.json") && e.getMessage().contains("shape"), e.getMessage());
    }

    @Test
    void aSarsaModelIsNotTakenForADqnModel() {
        Path f = dir.resolve("sarsa.json");
        SarsaModelFile.save(f, new farmhand.controllers.policy.sarsa.SarsaAgent(
                farmhand.controllers.policy.sarsa.SarsaConfig.paper(),
                farmhand.controllers.policy.sarsa.Discretizer.PAPER), 0);
        ModelFileException e = assertThrows(ModelFileException.class, () -> DqnModelFile.load(f));
        assertTrue(e.getMessage().contains("format 'farmhand-sarsa'"), e.getMessage());
    }
}
