package farmhand.farm.sim;

import farmhand.farm.platform.LatencyProfile;
import java.util.Objects;

/**
 * Parameters of the discrete-event farm model. Immutable; validated on construction.
 *
 * @param latencyProfile how long scale-up and scale-down block and delay (default: measured OpenFaaS)
 * @param workerPollSeconds idle sleep of a worker between empty polls, {@code > 0} (prototype: 0.1)
 * @param collectorPollSeconds idle sleep of the collector between empty polls, {@code > 0} (prototype: 0.1)
 * @param hopSeconds one Redis round trip (a pop or push), {@code >= 0} (default 0.002)
 */
public record SimulatorConfig(LatencyProfile latencyProfile, double workerPollSeconds,
                              double collectorPollSeconds, double hopSeconds) {

    public SimulatorConfig {
        Objects.requireNonNull(latencyProfile, "latencyProfile");
        if (!(workerPollSeconds > 0)) {
            throw new IllegalArgumentException("workerPollSeconds must be > 0, was " + workerPollSeconds);
        }
        if (!(collectorPollSeconds > 0)) {
            throw new IllegalArgumentException("collectorPollSeconds must be > 0, was " + collectorPollSeconds);
        }
        if (!(hopSeconds >= 0)) {
            throw new IllegalArgumentException("hopSeconds must be >= 0, was " + hopSeconds);
        }
    }

    /** The calibrated model of the paper's OpenFaaS farm: measured latencies, 0.1 s polls, 2 ms hops. */
    public static SimulatorConfig paper() {
        return new SimulatorConfig(LatencyProfile.openFaasMeasured(), 0.1, 0.1, 0.002);
    }

    /** A copy with another latency profile. */
    public SimulatorConfig withLatencyProfile(LatencyProfile profile) {
        return new SimulatorConfig(profile, workerPollSeconds, collectorPollSeconds, hopSeconds);
    }
}
