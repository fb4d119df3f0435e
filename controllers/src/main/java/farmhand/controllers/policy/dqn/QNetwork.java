package farmhand.controllers.policy.dqn;

import farmhand.controllers.env.Observation;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The Q-network of the Double DQN agent: an MLP 9-h1-h2-3 with ReLU hidden layers and a linear
 * head, trained by back-propagation with per-layer gradient-norm clipping and RMSProp.
 *
 * <p>All arithmetic is plain Java {@code double} in a fixed loop order (no native BLAS, no
 * parallelism, no {@code Math.fma}), so the same seed gives the same weights, bit for bit, on
 * every machine: Java defines every {@code +}, {@code *}, {@code /} and {@link Math#sqrt} exactly,
 * whereas a native BLAS picks different kernels (and so different roundings) per processor.
 *
 * <p>Training sets, for each sample, the error of the chosen action only (the other outputs get no
 * gradient) with the TD error clipped to +-delta, which is the gradient of the Huber loss. The
 * recipe is the one of Smile's {@code MultilayerPerceptron}, which this class replaced: each
 * layer's back-propagated error vector is clipped to {@code clipNorm} (before the ReLU derivative),
 * gradients are averaged over the batch, and RMSProp divides them by
 * {@code sqrt(epsilon + E[g^2])} before the step.
 *
 * <p>Weights start from a seeded He-uniform draw, biases at zero. {@link #q} may be called from
 * several threads at once; {@link #train} and the setters may not.
 */
public final class QNetwork {

    private final int[] shape;
    /** Per weighted layer l: weights [out][in], the same transposed [in][out] (for the forward pass), biases [out]. */
    private final double[][][] w;
    private final double[][][] wT;
    private final double[][] b;
    /** Training state: summed gradients over the batch and RMSProp's running mean of squares. */
    private final double[][][] gradW;
    private final double[][] gradB;
    private final double[][][] meanSquareW;
    private final double[][] meanSquareB;
    /** Scratch for one training sample: activations a[0] = input .. a[L] = output, and errors per layer. */
    private final double[][] activations;
    private final double[][] errors;
    private double learningRate = 0.01;
    private double rmsRho;
    private double rmsEpsilon = 1e-7;
    private double clipNorm;

    /**
     * @param shape layer sizes: input, hidden 1, hidden 2, outputs (9, 128, 64, 3 in the paper)
     * @param rng draws the initial weights; null leaves them at zero (for a network about to be overwritten)
     */
    public QNetwork(int[] shape, UniformRandomProvider rng) {
        if (shape.length != 4 || shape[0] != Observation.SIZE || shape[3] < 3 || shape[3] % 2 == 0 || shape[1] < 1
                || shape[2] < 1) {
            throw new IllegalArgumentException("a Q-network has shape [9, h1, h2, 2k + 1], got " + Arrays.toString(shape));
        }
        this.shape = shape.clone();
        int layers = shape.length - 1;
        w = new double[layers][][];
        wT = new double[layers][][];
        b = new double[layers][];
        gradW = new double[layers][][];
        gradB = new double[layers][];
        meanSquareW = new double[layers][][];
        meanSquareB = new double[layers][];
        errors = new double[layers][];
        activations = new double[shape.length][];
        activations[0] = new double[shape[0]];
        for (int l = 0; l < layers; l++) {
            int in = shape[l];
            int out = shape[l + 1];
            w[l] = new double[out][in];
            wT[l] = new double[in][out];
            b[l] = new double[out];
            gradW[l] = new double[out][in];
            gradB[l] = new double[out];
            meanSquareW[l] = new double[out][in];
            meanSquareB[l] = new double[out];
            errors[l] = new double[out];
            activations[l + 1] = new double[out];
            if (rng != null) {
                double limit = Math.sqrt(6.0 / in);
                for (int i = 0; i < out; i++) {
                    for (int j = 0; j < in; j++) {
                        w[l][i][j] = (2 * rng.nextDouble() - 1) * limit;
                    }
                }
            }
            transpose(l);
        }
    }

    /**
     * Sets the optimiser: step size, RMSProp's decay {@code rho} (0 turns RMSProp off: plain
     * gradient steps) and denominator guard, and the norm each layer's error vector is clipped to
     * (0: no clipping).
     */
    public void optimiser(double learningRate, double rmsRho, double rmsEpsilon, double clipNorm) {
        if (!(learningRate > 0) || !(rmsRho >= 0 && rmsRho < 1) || !(rmsEpsilon > 0) || !(clipNorm >= 0)) {
            throw new IllegalArgumentException("optimiser needs learningRate > 0, rmsRho in [0, 1), rmsEpsilon > 0, "
                    + "clipNorm >= 0; got " + learningRate + ", " + rmsRho + ", " + rmsEpsilon + ", " + clipNorm);
        }
        this.learningRate = learningRate;
        this.rmsRho = rmsRho;
        this.rmsEpsilon = rmsEpsilon;
        this.clipNorm = clipNorm;
    }

    /** Number of layers with weights (hidden layers plus output). */
    public int weightedLayers() {
        return w.length;
    }

    /** Layer sizes: input, hidden 1, hidden 2, outputs. */
    public int[] shape() {
        return shape.clone();
    }

    /** Q-values of the (already normalised) input {@code x}. */
    public double[] q(double[] x) {
        double[][] a = new double[shape.length][];
        a[0] = x;
        for (int l = 0; l < w.length; l++) {
            a[l + 1] = new double[shape[l + 1]];
        }
        forward(a);
        return a[a.length - 1];
    }

    /**
     * Fills a[1..L] from a[0]: ReLU hidden layers, linear head. Each output is its bias plus the
     * products in input order; the loop runs over outputs innermost (on the transposed weights) so
     * the JIT can vectorise it without changing any sum's order. Four inputs are taken per pass over
     * the outputs, each output's running sum held in a register across the four: the same additions
     * in the same order, with a quarter of the loads and stores of the outputs.
     */
    private void forward(double[][] a) {
        for (int l = 0; l < wT.length; l++) {
            double[] in = a[l];
            double[] out = a[l + 1];
            double[][] columns = wT[l];
            int n = out.length;
            System.arraycopy(b[l], 0, out, 0, n);
            int j = 0;
            for (; j + 4 <= in.length; j += 4) {
                double x0 = in[j];
                double x1 = in[j + 1];
                double x2 = in[j + 2];
                double x3 = in[j + 3];
                double[] c0 = columns[j];
                double[] c1 = columns[j + 1];
                double[] c2 = columns[j + 2];
                double[] c3 = columns[j + 3];
                for (int i = 0; i < n; i++) {
                    double o = out[i];
                    o += c0[i] * x0;
                    o += c1[i] * x1;
                    o += c2[i] * x2;
                    o += c3[i] * x3;
                    out[i] = o;
                }
            }
            for (; j < in.length; j++) {
                double x = in[j];
                double[] column = columns[j];
                for (int i = 0; i < n; i++) {
                    out[i] += column[i] * x;
                }
            }
            if (l < wT.length - 1) {
                for (int i = 0; i < n; i++) {
                    if (out[i] < 0) {
                        out[i] = 0.0;
                    }
                }
            }
        }
    }

    /**
     * One optimiser step on a batch: moves Q(x_i, a_i) toward {@code targets[i]} with the error clipped
     * to +-{@code huberDelta}.
     *
     * @return the mean absolute TD error before the step
     */
    public double train(double[][] x, int[] actions, double[] targets, double huberDelta) {
        if (x.length == 0 || actions.length != x.length || targets.length != x.length) {
            throw new IllegalArgumentException("a batch needs as many actions and targets as inputs, and at least one");
        }
        int last = w.length - 1;
        double error = 0;
        for (int n = 0; n < x.length; n++) {
            System.arraycopy(x[n], 0, activations[0], 0, shape[0]);
            forward(activations);
            double td = targets[n] - activations[last + 1][actions[n]];
            error += Math.abs(td);
            Arrays.fill(errors[last], 0.0);
            errors[last][actions[n]] = Math.max(-huberDelta, Math.min(huberDelta, td));
            clip(errors[last]);
            for (int l = last; l > 0; l--) {
                double[] lower = errors[l - 1];
                Arrays.fill(lower, 0.0);
                for (int i = 0; i < errors[l].length; i++) {
                    double e = errors[l][i];
                    double[] row = w[l][i];
                    for (int j = 0; j < lower.length; j++) {
                        lower[j] += row[j] * e;
                    }
                }
                clip(lower);
                double[] h = activations[l];
                for (int j = 0; j < lower.length; j++) {
                    if (h[j] <= 0) {
                        lower[j] = 0.0;
                    }
                }
            }
            for (int l = 0; l <= last; l++) {
                double[] in = activations[l];
                for (int i = 0; i < errors[l].length; i++) {
                    double e = errors[l][i];
                    double[] g = gradW[l][i];
                    for (int j = 0; j < in.length; j++) {
                        g[j] += e * in[j];
                    }
                    gradB[l][i] += e;
                }
            }
        }
        step(x.length);
        return error / x.length;
    }

    /** Scales {@code v} down to norm {@link #clipNorm} when it is longer. */
    private void clip(double[] v) {
        if (clipNorm <= 0) {
            return;
        }
        double sum = 0;
        for (double d : v) {
            sum += d * d;
        }
        double norm = Math.sqrt(sum);
        if (norm > clipNorm) {
            double scale = clipNorm / norm;
            for (int i = 0; i < v.length; i++) {
                v[i] *= scale;
            }
        }
    }

    /** Applies the batch's mean gradient (RMSProp-scaled when on) and clears the sums. */
    private void step(int batch) {
        double perSample = 1.0 / batch;
        for (int l = 0; l < w.length; l++) {
            for (int i = 0; i < w[l].length; i++) {
                double[] row = w[l][i];
                double[] g = gradW[l][i];
                double[] ms = meanSquareW[l][i];
                for (int j = 0; j < row.length; j++) {
                    row[j] += delta(g[j] * perSample, ms, j);
                    g[j] = 0.0;
                }
                b[l][i] += delta(gradB[l][i] * perSample, meanSquareB[l], i);
                gradB[l][i] = 0.0;
            }
            transpose(l);
        }
    }

    /** Copies layer {@code l}'s weights into their transposed copy. */
    private void transpose(int l) {
        for (int i = 0; i < w[l].length; i++) {
            double[] row = w[l][i];
            for (int j = 0; j < row.length; j++) {
                wT[l][j][i] = row[j];
            }
        }
    }

    private double delta(double gradient, double[] meanSquare, int k) {
        if (rmsRho == 0) {
            return learningRate * gradient;
        }
        meanSquare[k] = rmsRho * meanSquare[k] + (1 - rmsRho) * gradient * gradient;
        return learningRate * (gradient / Math.sqrt(rmsEpsilon + meanSquare[k]));
    }

    /** Weights of layer {@code l} as rows [out][in], a copy. */
    public double[][] weights(int l) {
        double[][] out = new double[w[l].length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = w[l][i].clone();
        }
        return out;
    }

    /** Biases of layer {@code l}, a copy. */
    public double[] biases(int l) {
        return b[l].clone();
    }

    /** Sets layer {@code l}'s weights and biases (shapes must match). */
    public void set(int l, double[][] weights, double[] biases) {
        int out = w[l].length;
        int in = shape[l];
        if (weights.length != out || biases.length != out) {
            throw new IllegalArgumentException("layer " + l + " is " + out + "x" + in + ", got "
                    + weights.length + " rows and " + biases.length + " biases");
        }
        for (int i = 0; i < out; i++) {
            if (weights[i].length != in) {
                throw new IllegalArgumentException("layer " + l + " row " + i + " has " + weights[i].length
                        + " weights, expected " + in);
            }
        }
        for (int i = 0; i < out; i++) {
            System.arraycopy(weights[i], 0, w[l][i], 0, in);
            b[l][i] = biases[i];
        }
        transpose(l);
    }

    /** Polyak update: {@code this = tau * source + (1 - tau) * this}; tau 1 copies. */
    public void blendFrom(QNetwork source, double tau) {
        if (!Arrays.equals(shape, source.shape)) {
            throw new IllegalArgumentException("cannot blend a " + Arrays.toString(source.shape) + " network into a "
                    + Arrays.toString(shape) + " one");
        }
        for (int l = 0; l < w.length; l++) {
            for (int i = 0; i < w[l].length; i++) {
                double[] row = w[l][i];
                double[] s = source.w[l][i];
                for (int j = 0; j < row.length; j++) {
                    row[j] = tau == 1.0 ? s[j] : tau * s[j] + (1 - tau) * row[j];
                }
                b[l][i] = tau == 1.0 ? source.b[l][i] : tau * source.b[l][i] + (1 - tau) * b[l][i];
            }
            transpose(l);
        }
    }
}
