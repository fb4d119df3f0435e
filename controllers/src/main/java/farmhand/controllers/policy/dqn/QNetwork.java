package farmhand.controllers.policy.dqn;

import farmhand.controllers.env.Action;
import farmhand.controllers.env.Observation;
import org.apache.commons.rng.UniformRandomProvider;
import smile.model.mlp.InputLayer;
import smile.model.mlp.Layer;
import smile.model.mlp.MultilayerPerceptron;
import smile.model.mlp.OutputFunction;
import smile.tensor.DenseMatrix;
import smile.tensor.Vector;

/**
 * The Q-network of the Double DQN agent: an MLP 9-h1-h2-3 with ReLU hidden layers and a linear
 * head, on Smile's {@link MultilayerPerceptron}. Training sets, for each sample, the target of the
 * chosen action only (the other outputs keep their prediction, so they get no gradient) with the
 * TD error clipped to +-delta, which is the gradient of the Huber loss; Smile's back-propagation,
 * gradient-norm clipping and RMSProp do the rest.
 *
 * <p>Weights start from a seeded He-uniform draw, not Smile's own generator, so a seed fixes
 * them. Not thread-safe.
 */
public final class QNetwork extends MultilayerPerceptron {

    private final int[] shape;

    /**
     * @param shape layer sizes: input, hidden 1, hidden 2, outputs (9, 128, 64, 3 in the paper)
     * @param rng draws the initial weights
     */
    public QNetwork(int[] shape, UniformRandomProvider rng) {
        super(layers(shape));
        this.shape = shape.clone();
        if (rng != null) {
            for (int l = 0; l < net.length + 1; l++) {
                Layer layer = layer(l);
                if (layer == null) {
                    continue;
                }
                DenseMatrix w = layer.weight();
                double limit = Math.sqrt(6.0 / layer.getInputSize());
                for (int i = 0; i < w.nrow(); i++) {
                    for (int j = 0; j < w.ncol(); j++) {
                        w.set(i, j, (2 * rng.nextDouble() - 1) * limit);
                    }
                }
                Vector b = layer.bias();
                for (int i = 0; i < layer.getOutputSize(); i++) {
                    b.set(i, 0.0);
                }
            }
        }
    }

    private static Layer[] layers(int[] shape) {
        if (shape.length != 4 || shape[0] != Observation.SIZE || shape[3] != Action.COUNT) {
            throw new IllegalArgumentException("a Q-network has shape [9, h1, h2, 3], got " + java.util.Arrays.toString(shape));
        }
        return new Layer[] {
            new InputLayer(shape[0]),
            Layer.rectifier(shape[1]).build(shape[0]),
            Layer.rectifier(shape[2]).build(shape[1]),
            Layer.mse(shape[3], OutputFunction.LINEAR).build(shape[2])};
    }

    /** Layer {@code l} with weights (0, 1: hidden; 2: output), or null for the input layer. */
    private Layer layer(int l) {
        // net[0] is the input layer, net[1..] the hidden layers, output is separate
        int hidden = net.length - 1;
        if (l < hidden) {
            return net[l + 1];
        }
        return l == hidden ? output : null;
    }

    /** Number of layers with weights (hidden layers plus output). */
    public int weightedLayers() {
        return net.length;
    }

    /** Layer sizes: input, hidden 1, hidden 2, outputs. */
    public int[] shape() {
        return shape.clone();
    }

    /** Q-values of the (already normalised) input {@code x}. */
    public double[] q(double[] x) {
        propagate(vector(x), false);
        double[] out = new double[shape[3]];
        Vector o = output.output();
        for (int i = 0; i < out.length; i++) {
            out[i] = o.get(i);
        }
        return out;
    }

    /**
     * One optimiser step on a batch: moves Q(x_i, a_i) toward {@code targets[i]} with the error clipped
     * to +-{@code huberDelta}.
     *
     * @return the mean absolute TD error before the step
     */
    public double train(double[][] x, int[] actions, double[] targets, double huberDelta) {
        double error = 0;
        for (int i = 0; i < x.length; i++) {
            propagate(vector(x[i]), true);
            Vector o = output.output();
            Vector t = target.get();
            for (int k = 0; k < shape[3]; k++) {
                t.set(k, o.get(k));
            }
            double td = targets[i] - o.get(actions[i]);
            error += Math.abs(td);
            t.set(actions[i], o.get(actions[i]) + Math.max(-huberDelta, Math.min(huberDelta, td)));
            backpropagate(false);
        }
        update(x.length);
        t++;
        return error / x.length;
    }

    /** Weights of layer {@code l} as rows [out][in], a copy. */
    public double[][] weights(int l) {
        DenseMatrix w = layer(l).weight();
        double[][] out = new double[w.nrow()][w.ncol()];
        for (int i = 0; i < w.nrow(); i++) {
            for (int j = 0; j < w.ncol(); j++) {
                out[i][j] = w.get(i, j);
            }
        }
        return out;
    }

    /** Biases of layer {@code l}, a copy. */
    public double[] biases(int l) {
        Layer layer = layer(l);
        double[] out = new double[layer.getOutputSize()];
        for (int i = 0; i < out.length; i++) {
            out[i] = layer.bias().get(i);
        }
        return out;
    }

    /** Sets layer {@code l}'s weights and biases (shapes must match). */
    public void set(int l, double[][] weights, double[] biases) {
        Layer layer = layer(l);
        DenseMatrix w = layer.weight();
        if (weights.length != w.nrow() || biases.length != layer.getOutputSize()) {
            throw new IllegalArgumentException("layer " + l + " is " + w.nrow() + "x" + w.ncol() + ", got "
                    + weights.length + " rows and " + biases.length + " biases");
        }
        for (int i = 0; i < w.nrow(); i++) {
            if (weights[i].length != w.ncol()) {
                throw new IllegalArgumentException("layer " + l + " row " + i + " has " + weights[i].length
                        + " weights, expected " + w.ncol());
            }
            for (int j = 0; j < w.ncol(); j++) {
                w.set(i, j, weights[i][j]);
            }
            layer.bias().set(i, biases[i]);
        }
    }

    /** Polyak update: {@code this = tau * source + (1 - tau) * this}; tau 1 copies. */
    public void blendFrom(QNetwork source, double tau) {
        for (int l = 0; l < weightedLayers(); l++) {
            DenseMatrix w = layer(l).weight();
            DenseMatrix s = source.layer(l).weight();
            for (int i = 0; i < w.nrow(); i++) {
                for (int j = 0; j < w.ncol(); j++) {
                    w.set(i, j, tau * s.get(i, j) + (1 - tau) * w.get(i, j));
                }
                Vector b = layer(l).bias();
                b.set(i, tau * source.layer(l).bias().get(i) + (1 - tau) * b.get(i));
            }
        }
    }
}
