package farmhand.controllers.policy.dqn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class QNetworkTest {

    /**
     * The forward pass as the class documents it, written the plainest way: each output is its bias
     * plus the products in input order, one at a time, zero inputs included; ReLU on the hidden layers.
     */
    private static double[] reference(QNetwork net, double[] x) {
        double[] a = x;
        for (int l = 0; l < net.weightedLayers(); l++) {
            double[][] w = net.weights(l);
            double[] b = net.biases(l);
            double[] out = new double[b.length];
            for (int i = 0; i < out.length; i++) {
                double sum = b[i];
                for (int j = 0; j < a.length; j++) {
                    sum += w[i][j] * a[j];
                }
                out[i] = l < net.weightedLayers() - 1 && sum < 0 ? 0.0 : sum;
            }
            a = out;
        }
        return a;
    }

    @Test
    void theForwardPassAddsEveryOutputsProductsInInputOrderBitForBit() {
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(7L);
        // the paper's shape, and hidden sizes that are not multiples of the forward pass's block of 4
        for (int[] shape : new int[][] {{9, 128, 64, 3}, {9, 13, 7, 3}, {9, 1, 2, 3}}) {
            QNetwork net = new QNetwork(shape, rng);
            net.optimiser(0.01, 0.9, 1e-7, 5);
            double[][] batch = new double[8][9];
            for (double[] row : batch) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = 2 * rng.nextDouble() - 1;
                }
            }
            net.train(batch, new int[] {0, 1, 2, 0, 1, 2, 0, 1}, new double[] {1, -1, 2, 0, 3, -2, 1, 1}, 1.0);
            for (int k = 0; k < 200; k++) {
                double[] x = new double[9];
                for (int j = 0; j < x.length; j++) {
                    x[j] = (2 * rng.nextDouble() - 1) * (k % 3 == 0 ? 100 : 1);
                }
                if (k % 2 == 1) { // zero inputs are skipped by the forward pass, as are the hidden layers' ReLU zeros
                    x[0] = 0.0;
                    x[5] = -0.0;
                }
                double[] expected = reference(net, x);
                double[] actual = net.q(x);
                for (int i = 0; i < expected.length; i++) {
                    assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]),
                            "shape " + java.util.Arrays.toString(shape) + ", input " + k + ", output " + i);
                }
            }
        }
    }
}
