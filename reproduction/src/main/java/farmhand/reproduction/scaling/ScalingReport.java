package farmhand.reproduction.scaling;

/**
 * Everything {@code farmhand scaling-curve} measured, as written to JSON.
 *
 * @param curve the scaling curve, with the initialisation of every platform variant
 * @param scaleUpLatency the bare local platform's scale-up latency (samples, p50, p95), or null when not measured
 */
public record ScalingReport(ScalingCurve curve, ScaleUpLatency scaleUpLatency) {
}
