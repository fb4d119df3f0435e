package farmhand.reproduction.scaling;

import java.util.List;

/**
 * Everything {@code farmhand scaling-curve} measured, as written to JSON.
 *
 * @param curves one curve per platform variant
 * @param scaleUpLatency the bare local platform's scale-up latency, or null when not measured
 * @param scaleUpP50Millis its median, wall ms (NaN when not measured)
 * @param scaleUpP95Millis its 95th percentile, wall ms (NaN when not measured)
 */
public record ScalingReport(List<ScalingCurve> curves, ScaleUpLatency scaleUpLatency, double scaleUpP50Millis,
                            double scaleUpP95Millis) {

    public ScalingReport {
        curves = List.copyOf(curves);
    }
}
