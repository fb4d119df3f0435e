package farmhand.controllers.env;

/**
 * The 9-value observation of SPEC section 3, in model units. Index order is the paper's.
 *
 * @param inputQueue 0: length of {@code input_queue}, the phase indicator (3..0)
 * @param workerQueue 1: tasks waiting for a worker
 * @param resultQueue 2: results waiting for the collector
 * @param outputQueue 3: tasks collected so far
 * @param workers 4: current worker count N
 * @param avgCompletionSeconds 5: mean completion time of tasks collected in the last window (1.5 if none)
 * @param maxCompletionSeconds 6: max completion time of the same tasks (1.5 if none)
 * @param arrivalRatePerSecond 7: enqueue-counter increase per second since the previous observation (0 at reset)
 * @param qosFraction 8: fraction of the tasks collected in the last window that met their deadline (1.0 if none)
 */
public record Observation(double inputQueue, double workerQueue, double resultQueue, double outputQueue,
                          double workers, double avgCompletionSeconds, double maxCompletionSeconds,
                          double arrivalRatePerSecond, double qosFraction) {

    /** Number of values in an observation. */
    public static final int SIZE = 9;

    /** The values in the paper's order; a fresh array each call. */
    public double[] toArray() {
        return new double[] {inputQueue, workerQueue, resultQueue, outputQueue, workers,
            avgCompletionSeconds, maxCompletionSeconds, arrivalRatePerSecond, qosFraction};
    }

    /** The observation whose values are {@code v[0..8]}. */
    public static Observation of(double[] v) {
        if (v.length != SIZE) {
            throw new IllegalArgumentException("an observation has " + SIZE + " values, got " + v.length);
        }
        return new Observation(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]);
    }

    /** The phase being generated, 1..4 (from the phase indicator; 4 also while draining). */
    public int phase() {
        return 4 - (int) Math.round(inputQueue);
    }
}
