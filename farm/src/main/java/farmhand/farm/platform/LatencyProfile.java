package farmhand.farm.platform;

import java.time.Duration;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * How long a platform takes to add or remove one worker, in model seconds: the time a scale
 * request blocks the control step. Used by the simulator and by the local platform to behave
 * "as slow as OpenFaaS" or "as fast as the host allows".
 *
 * <p>Implementations are immutable and thread-safe; randomness comes only from the provider
 * passed in, so a seeded provider gives a repeatable sequence.
 */
public interface LatencyProfile {

    /** Name used in configuration and reports, for example {@code openfaas-measured}. */
    String name();

    /** Seconds from the scale-up request until the new worker has started ({@code >= 0}). */
    double scaleUpSeconds(UniformRandomProvider rng);

    /** Seconds a scale-down request blocks (SYN, ACK after the current task, removal), {@code >= 0}. */
    double scaleDownSeconds(UniformRandomProvider rng);

    /** No latency at all: scaling takes effect at once. */
    static LatencyProfile instant() {
        return InstantLatencyProfile.INSTANCE;
    }

    /**
     * The latencies measured on the paper's OpenFaaS cluster (1139 scale-ups, mean 6.4 s, median
     * 6.2 s; 758 scale-downs, mean 2.6 s, median 2.3 s), resampled uniformly.
     */
    static LatencyProfile openFaasMeasured() {
        return EmpiricalLatencyProfile.openFaasMeasured();
    }

    /**
     * Log-normal latencies with the given means and standard deviations.
     *
     * @param upMean mean scale-up latency, positive
     * @param upStdDev standard deviation of scale-up latency, zero or positive
     * @param downMean mean scale-down latency, positive
     * @param downStdDev standard deviation of scale-down latency, zero or positive
     */
    static LatencyProfile parametric(Duration upMean, Duration upStdDev, Duration downMean, Duration downStdDev) {
        return new ParametricLatencyProfile(upMean, upStdDev, downMean, downStdDev);
    }

    /**
     * The profile named {@code name}: {@code instant} or {@code openfaas-measured} ({@code parametric} needs
     * its parameters, see {@link #parametric}).
     *
     * @throws IllegalArgumentException naming the accepted values for any other name
     */
    static LatencyProfile named(String name) {
        return switch (LatencyProfileName.of(name)) {
            case INSTANT -> instant();
            case OPENFAAS_MEASURED -> openFaasMeasured();
            case PARAMETRIC -> throw new IllegalArgumentException(
                    "the parametric latency profile needs its means and deviations (platform.upMeanSeconds ...)");
        };
    }
}
