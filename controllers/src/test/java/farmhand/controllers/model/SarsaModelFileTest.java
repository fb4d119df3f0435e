package farmhand.controllers.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import farmhand.controllers.policy.sarsa.Discretizer;
import farmhand.controllers.policy.sarsa.SarsaAgent;
import farmhand.controllers.policy.sarsa.SarsaConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SarsaModelFileTest {

    @TempDir
    Path dir;

    private static SarsaAgent someAgent() {
        double[] q = new double[Discretizer.PAPER.stateCount() * 3];
        q[3 * 1234 + 2] = 4.5;
        q[3 * 40_000] = -1.25;
        return new SarsaAgent(SarsaConfig.paper(), Discretizer.PAPER, q);
    }

    @Test
    void aModelSurvivesTheRoundTripThroughAFile() {
        Path f = dir.resolve("m/sarsa.json");
        SarsaModelFile.save(f, someAgent(), 260);
        SarsaModelFile loaded = SarsaModelFile.load(f);
        assertEquals(someAgent(), loaded.agent());
        assertEquals(260, loaded.episodesTrained());
        assertEquals(2, loaded.q().size(), "only visited states are stored");
    }

    @Test
    void aModelOverFiveActionsKeepsItsActionSpaceThroughAFile() {
        farmhand.controllers.env.ActionSpace two = new farmhand.controllers.env.ActionSpace(2);
        double[] q = new double[Discretizer.PAPER.stateCount() * 5];
        q[5 * 77 + 4] = 2.0;
        SarsaAgent agent = new SarsaAgent(SarsaConfig.paper(), Discretizer.PAPER, two, q);
        Path f = dir.resolve("five.json");
        SarsaModelFile.save(f, agent, 1);
        SarsaAgent loaded = SarsaModelFile.load(f).agent();
        assertEquals(agent, loaded);
        assertEquals(two, loaded.actionSpace());
    }

    @Test
    void aCorruptFileIsRefusedNamingIt() throws Exception {
        Path f = dir.resolve("broken.json");
        Files.writeString(f, "{\"format\": \"farmhand-sarsa\", \"version\": 1, \"q\": [[1, 2");
        ModelFileException e = assertThrows(ModelFileException.class, () -> SarsaModelFile.load(f));
        assertTrue(e.getMessage().contains("broken.json"), e.getMessage());
    }

    @Test
    void anotherFormatOrVersionIsRefused() throws Exception {
        Path f = dir.resolve("sarsa.json");
        SarsaModelFile.save(f, someAgent(), 1);
        String text = Files.readString(f);
        Files.writeString(f, text.replace("\"version\":1", "\"version\":7"));
        assertTrue(assertThrows(ModelFileException.class, () -> SarsaModelFile.load(f)).getMessage().contains("version 7"));
        Files.writeString(f, text.replace("farmhand-sarsa", "farmhand-dqn"));
        assertTrue(assertThrows(ModelFileException.class, () -> SarsaModelFile.load(f)).getMessage().contains("format"));
    }

    @Test
    void aRowOutsideTheTableIsRefused() throws Exception {
        Path f = dir.resolve("sarsa.json");
        SarsaModelFile.save(f, someAgent(), 1);
        Files.writeString(f, Files.readString(f).replace("[1234.0,", "[99999999.0,"));
        ModelFileException e = assertThrows(ModelFileException.class, () -> SarsaModelFile.load(f));
        assertTrue(e.getMessage().contains("malformed Q row"), e.getMessage());
    }

    @Test
    void aMissingFileIsRefusedNamingIt() {
        ModelFileException e = assertThrows(ModelFileException.class,
                () -> SarsaModelFile.load(dir.resolve("nothing.json")));
        assertTrue(e.getMessage().contains("nothing.json"), e.getMessage());
    }
}
