package farmhand.controllers.model;

import farmhand.controllers.env.Action;
import farmhand.controllers.env.Observation;
import farmhand.controllers.env.ObservationSpace;
import farmhand.controllers.policy.dqn.DqnAgent;
import farmhand.controllers.policy.dqn.DqnConfig;
import farmhand.controllers.policy.dqn.QNetwork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tools.jackson.core.JacksonException;

/**
 * The JSON model file of a Double DQN agent: format name and version, hyperparameters, network
 * shape, observation bounds and the online and target networks' weights. Loading checks the
 * shape of every layer and names the file in every refusal.
 *
 * @param format always {@value #FORMAT}
 * @param version always {@value #VERSION}
 * @param episodesTrained episodes the agent learned from
 * @param config the hyperparameters
 * @param shape layer sizes [9, h1, h2, 3]
 * @param low observation lower bounds used for normalisation
 * @param high observation upper bounds used for normalisation
 * @param online the online network's layers
 * @param target the target network's layers
 */
public record DqnModelFile(String format, int version, int episodesTrained, DqnConfig config, int[] shape,
                           double[] low, double[] high, List<LayerWeights> online, List<LayerWeights> target) {

    /** Format name written in every DQN model file. */
    public static final String FORMAT = "farmhand-dqn";
    /** Current format version. */
    public static final int VERSION = 1;

    /**
     * One layer.
     *
     * @param weights rows [out][in]
     * @param biases one per output
     */
    public record LayerWeights(double[][] weights, double[] biases) {
    }

    /** The file content of {@code agent}. */
    public static DqnModelFile of(DqnAgent agent, int episodesTrained) {
        return new DqnModelFile(FORMAT, VERSION, episodesTrained, agent.config(), agent.online().shape(),
                agent.space().low(), agent.space().high(), layers(agent.online()), layers(agent.target()));
    }

    private static List<LayerWeights> layers(QNetwork net) {
        List<LayerWeights> out = new ArrayList<>();
        for (int l = 0; l < net.weightedLayers(); l++) {
            out.add(new LayerWeights(net.weights(l), net.biases(l)));
        }
        return out;
    }

    /** Writes {@code agent} to {@code file} (parent folders created). */
    public static void save(Path file, DqnAgent agent, int episodesTrained) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            SarsaModelFile.MAPPER.writeValue(file.toFile(), of(agent, episodesTrained));
        } catch (IOException | JacksonException e) {
            throw new ModelFileException("cannot write DQN model " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads and checks the model in {@code file}. */
    public static DqnModelFile load(Path file) {
        DqnModelFile m = ModelFiles.read(file, DqnModelFile.class, FORMAT, VERSION);
        m.check(file);
        return m;
    }

    /** Checks what {@link ModelFiles#read} cannot (it has checked the format and version). */
    private void check(Path file) {
        if (config == null || shape == null || shape.length != 4 || shape[0] != Observation.SIZE
                || shape[3] != Action.COUNT || shape[1] != config.hidden1() || shape[2] != config.hidden2()) {
            throw new ModelFileException("model file " + file + " has the wrong network shape " + Arrays.toString(shape));
        }
        if (low == null || high == null || low.length != Observation.SIZE || high.length != Observation.SIZE) {
            throw new ModelFileException("model file " + file + " has no valid observation bounds");
        }
        checkLayers(file, "online", online);
        checkLayers(file, "target", target);
    }

    private void checkLayers(Path file, String which, List<LayerWeights> layers) {
        if (layers == null || layers.size() != 3) {
            throw new ModelFileException("model file " + file + ": the " + which + " network needs 3 layers");
        }
        for (int l = 0; l < 3; l++) {
            LayerWeights lw = layers.get(l);
            int rows = shape[l + 1];
            int cols = shape[l];
            if (lw == null || lw.weights() == null || lw.biases() == null || lw.weights().length != rows
                    || lw.biases().length != rows) {
                throw new ModelFileException("model file " + file + ": " + which + " layer " + l + " is not "
                        + rows + "x" + cols);
            }
            for (double[] row : lw.weights()) {
                if (row.length != cols) {
                    throw new ModelFileException("model file " + file + ": " + which + " layer " + l
                            + " has a row of " + row.length + " weights, expected " + cols);
                }
                for (double v : row) {
                    if (!Double.isFinite(v)) {
                        throw new ModelFileException("model file " + file + ": " + which + " layer " + l
                                + " has a non-finite weight");
                    }
                }
            }
        }
    }

    /** The agent this file describes (greedy use; its replay buffer starts empty). */
    public DqnAgent agent() {
        DqnAgent agent = new DqnAgent(config, new ObservationSpace(low, high), 0);
        for (int l = 0; l < 3; l++) {
            agent.online().set(l, online.get(l).weights(), online.get(l).biases());
            agent.target().set(l, target.get(l).weights(), target.get(l).biases());
        }
        return agent;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DqnModelFile m && format.equals(m.format) && version == m.version
                && Arrays.equals(shape, m.shape) && config.equals(m.config);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(shape);
    }
}
