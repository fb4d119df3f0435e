package farmhand.controllers.model;

import farmhand.controllers.env.Action;
import farmhand.controllers.policy.sarsa.Discretizer;
import farmhand.controllers.policy.sarsa.SarsaAgent;
import farmhand.controllers.policy.sarsa.SarsaConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON model file of a SARSA(lambda) agent: format name and version, hyperparameters, bins,
 * episodes trained and the Q-table, stored sparsely as {@code [state, q(down), q(no-op), q(up)]}
 * rows for the visited states. Loading checks all of it and names the file in every refusal.
 *
 * @param format always {@value #FORMAT}
 * @param version always {@value #VERSION}
 * @param episodesTrained episodes the agent has learned from (resume continues from here)
 * @param config the hyperparameters
 * @param bins the discretisation
 * @param actions number of actions, 3
 * @param states number of states of the discretisation
 * @param q visited states' rows
 */
public record SarsaModelFile(String format, int version, int episodesTrained, SarsaConfig config, Discretizer bins,
                             int actions, int states, List<double[]> q) {

    /** Format name written in every SARSA model file. */
    public static final String FORMAT = "farmhand-sarsa";
    /** Current format version. */
    public static final int VERSION = 1;

    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /** The file content of {@code agent} after {@code episodesTrained} episodes. */
    public static SarsaModelFile of(SarsaAgent agent, int episodesTrained) {
        double[] table = agent.qTable();
        List<double[]> rows = new ArrayList<>();
        for (int s = 0; s < agent.discretizer().stateCount(); s++) {
            int base = s * Action.COUNT;
            if (table[base] != 0 || table[base + 1] != 0 || table[base + 2] != 0) {
                rows.add(new double[] {s, table[base], table[base + 1], table[base + 2]});
            }
        }
        return new SarsaModelFile(FORMAT, VERSION, episodesTrained, agent.config(), agent.discretizer(),
                Action.COUNT, agent.discretizer().stateCount(), rows);
    }

    /** Writes {@code agent} to {@code file} (parent folders created). */
    public static void save(Path file, SarsaAgent agent, int episodesTrained) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            MAPPER.writeValue(file.toFile(), of(agent, episodesTrained));
        } catch (IOException | JacksonException e) {
            throw new ModelFileException("cannot write SARSA model " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads and checks the model in {@code file}. */
    public static SarsaModelFile load(Path file) {
        SarsaModelFile m = ModelFiles.read(file, SarsaModelFile.class, FORMAT, VERSION);
        m.check(file);
        return m;
    }

    /** Checks what {@link ModelFiles#read} cannot (it has checked the format and version). */
    private void check(Path file) {
        if (actions != Action.COUNT || bins == null || config == null || states != bins.stateCount()) {
            throw new ModelFileException("model file " + file + " has the wrong shape: " + actions + " actions, "
                    + states + " states, bins " + bins);
        }
        for (double[] row : q) {
            if (row.length != 1 + Action.COUNT || row[0] < 0 || row[0] >= states || row[0] != Math.rint(row[0])) {
                throw new ModelFileException("model file " + file + " has a malformed Q row " + java.util.Arrays.toString(row));
            }
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    throw new ModelFileException("model file " + file + " has a non-finite Q value in state " + row[0]);
                }
            }
        }
    }

    /** The agent this file describes. */
    public SarsaAgent agent() {
        double[] table = new double[states * actions];
        for (double[] row : q) {
            int base = (int) row[0] * actions;
            System.arraycopy(row, 1, table, base, actions);
        }
        return new SarsaAgent(config, bins, table);
    }
}
