package farmhand.reproduction.scaling;

/**
 * Everything {@code farmhand scaling-curve} measured, as written to JSON.
 *
 * @param curve the scaling curve, with the initialisation of every platform variant
 * @param scaleUpLatency the platform's scale-up latency (samples, p50, p95), or null when not measured
 * @param platform where the batches and scale-ups ran: {@code local} (bare) or {@code docker}
 * @param containers on docker: memory per worker container and the scale-up stages; null otherwise
 */
public record ScalingReport(ScalingCurve curve, ScaleUpLatency scaleUpLatency, String platform,
                            ContainerMeasurements containers) {

    /** A report of the bare local platform. */
    public ScalingReport(ScalingCurve curve, ScaleUpLatency scaleUpLatency) {
        this(curve, scaleUpLatency, "local", null);
    }
}
