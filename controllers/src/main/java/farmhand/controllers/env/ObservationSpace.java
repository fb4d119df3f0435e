package farmhand.controllers.env;

import java.util.Arrays;

/**
 * A bounded box of observations ({@code gymnasium.spaces.Box}), used for normalisation.
 * Immutable.
 *
 * @param low lower bounds, 9 values
 * @param high upper bounds, 9 values, each {@code > low}
 */
public record ObservationSpace(double[] low, double[] high) {

    /** The paper's bounds: low [0,0,0,0,1,0,0,0,0], high [3,800,10,1140,32,150,160,12,1]. */
    public static final ObservationSpace PAPER = new ObservationSpace(
            new double[] {0, 0, 0, 0, 1, 0, 0, 0, 0},
            new double[] {3, 800, 10, 1140, 32, 150, 160, 12, 1});

    public ObservationSpace {
        if (low.length != Observation.SIZE || high.length != Observation.SIZE) {
            throw new IllegalArgumentException("bounds need " + Observation.SIZE + " values each");
        }
        for (int i = 0; i < low.length; i++) {
            if (!(high[i] > low[i])) {
                throw new IllegalArgumentException("high[" + i + "] must be > low[" + i + "], were "
                        + high[i] + " and " + low[i]);
            }
        }
        low = low.clone();
        high = high.clone();
    }

    @Override
    public double[] low() {
        return low.clone();
    }

    @Override
    public double[] high() {
        return high.clone();
    }

    /** A copy whose bounds for the worker count (index 4) are [{@code low}, {@code high}]. */
    public ObservationSpace withWorkerBounds(double workersLow, double workersHigh) {
        double[] l = low.clone();
        double[] h = high.clone();
        l[4] = workersLow;
        h[4] = workersHigh;
        return new ObservationSpace(l, h);
    }

    /** The observation clipped to the bounds and min-max scaled to [0, 1]. */
    public double[] normalise(Observation observation) {
        double[] v = observation.toArray();
        for (int i = 0; i < v.length; i++) {
            double c = Math.max(low[i], Math.min(high[i], v[i]));
            v[i] = (c - low[i]) / (high[i] - low[i]);
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ObservationSpace s && Arrays.equals(low, s.low) && Arrays.equals(high, s.high);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(low) + Arrays.hashCode(high);
    }

    @Override
    public String toString() {
        return "Box(low=" + Arrays.toString(low) + ", high=" + Arrays.toString(high) + ")";
    }
}
