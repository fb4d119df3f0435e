package farmhand.reproduction.scaling;

import java.util.Map;

/**
 * One measured point of a scaling curve. Model seconds unless the name says wall.
 *
 * @param windowSeconds the batch's arrival window
 * @param workers farm size N
 * @param runtimeSeconds first generation to last collection (the farm starts with every worker up, so
 *                       the platform's deploy latency does not enter it)
 * @param speedup runtime of the curve's first (smallest) N, times that N, over this runtime: T(1)/T(N) when N = 1 was measured
 * @param dataPathMedianWallMillis median per-task completion minus service minus queue wait, wall milliseconds
 * @param dataPathP95WallMillis 95th percentile of the same
 * @param collected tasks collected (equals the batch size in a sound run)
 * @param initSeconds per platform variant (e.g. {@code bare}, {@code openfaas-measured}), in the curve's
 *                    order: first deploy request to every function's START
 * @param lateStartSeconds how late the batch's model time 0 was published to its functions, model seconds (0 in
 *                         a sound run; a late start enters the runtime and lowers the speedup)
 */
public record ScalingPoint(double windowSeconds, int workers, double runtimeSeconds, double speedup,
                           double dataPathMedianWallMillis, double dataPathP95WallMillis, int collected,
                           Map<String, Double> initSeconds, double lateStartSeconds) {

    public ScalingPoint {
        initSeconds = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(initSeconds));
    }
}
