package farmhand.farm.workload;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import farmhand.farm.spelling.Spelled;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * How the arrival rate moves over an episode (issue 14). {@link #PHASES} is the paper's: each
 * phase of {@link WorkloadConfig#phases()} at its own multiplier. The other shapes draw a
 * non-homogeneous Poisson process whose rate is {@code baseRatePerMinute / 60 x} {@link #multiplier}
 * over an episode of {@code phases().size() x phaseSeconds} seconds; there the phases only cut the
 * episode into equal segments that the phase indicator ({@code input_queue}) counts down.
 */
public enum WorkloadShape implements Spelled {
    /** The configured phases, each at its multiplier (the paper's workload). */
    PHASES,
    /** A flat rate at {@link #IMPULSE_BASE} with one {@link #IMPULSE_SECONDS} s burst at {@link #IMPULSE_FACTOR} times it, starting at a seeded time. */
    IMPULSE,
    /** A rate rising linearly from {@link #RAMP_FROM} to {@link #RAMP_TO} times the base over the episode. */
    RAMP,
    /** {@code 1 + DIURNAL_AMPLITUDE sin(2 pi DIURNAL_PERIODS t / episode)}: a day-night cycle, {@link #DIURNAL_PERIODS} periods per episode. */
    DIURNAL,
    /** Arrivals and service times replayed from {@link WorkloadConfig#traceFile()} (see {@link TraceFile}). */
    TRACE;

    /** Impulse: the flat rate outside the burst, times the base rate. */
    public static final double IMPULSE_BASE = 0.5;
    /** Impulse: the burst's rate over the flat rate. */
    public static final double IMPULSE_FACTOR = 4.0;
    /** Impulse: the burst's length in seconds. */
    public static final double IMPULSE_SECONDS = 10.0;
    /** Ramp: the multiplier at the start. */
    public static final double RAMP_FROM = 0.3;
    /** Ramp: the multiplier at the end. */
    public static final double RAMP_TO = 1.5;
    /** Diurnal: relative amplitude of the sine. */
    public static final double DIURNAL_AMPLITUDE = 0.6;
    /** Diurnal: periods per episode. */
    public static final double DIURNAL_PERIODS = 3.0;

    /** The configuration spelling: {@code phases}, {@code impulse}, {@code ramp}, {@code diurnal}, {@code trace}. */
    @JsonValue
    @Override
    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The spelling (the name the configuration uses). */
    public String key() {
        return spelling();
    }

    /**
     * The shape spelled {@code key}.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    @JsonCreator
    public static WorkloadShape of(String key) {
        return Spelled.parse(WorkloadShape.class, "shape", key);
    }

    /**
     * Start of the impulse's burst in an episode of {@code episodeSeconds} under {@code seed}: uniform
     * in [15 %, 75 %] of the episode, from the seed's {@code impulse} stream, rounded to the
     * generator's windows of {@code windowSeconds} so the burst covers whole windows.
     */
    public static double impulseStartSeconds(long seed, double episodeSeconds, double windowSeconds) {
        UniformRandomProvider rng = Seeds.source(seed, "impulse");
        return Math.round(episodeSeconds * (0.15 + 0.6 * rng.nextDouble()) / windowSeconds) * windowSeconds;
    }

    /**
     * The rate multiplier at model time {@code t} of an episode of {@code episodeSeconds} whose
     * impulse (if any) starts at {@code burstStartSeconds}; not defined for {@link #PHASES} and {@link #TRACE}.
     */
    public double multiplier(double t, double episodeSeconds, double burstStartSeconds) {
        return switch (this) {
            case IMPULSE -> t >= burstStartSeconds && t < burstStartSeconds + IMPULSE_SECONDS
                    ? IMPULSE_BASE * IMPULSE_FACTOR : IMPULSE_BASE;
            case RAMP -> RAMP_FROM + (RAMP_TO - RAMP_FROM) * t / episodeSeconds;
            case DIURNAL -> 1.0 + DIURNAL_AMPLITUDE * Math.sin(2 * Math.PI * DIURNAL_PERIODS * t / episodeSeconds);
            case PHASES, TRACE -> throw new IllegalStateException(key() + " has no rate function");
        };
    }

    /** Mean multiplier over an episode (for sizing): exact for ramp and diurnal, the impulse's with one burst. */
    public double meanMultiplier(double episodeSeconds) {
        return switch (this) {
            case IMPULSE -> IMPULSE_BASE + IMPULSE_BASE * (IMPULSE_FACTOR - 1) * IMPULSE_SECONDS / episodeSeconds;
            case RAMP -> (RAMP_FROM + RAMP_TO) / 2;
            case DIURNAL -> 1.0;
            case PHASES, TRACE -> throw new IllegalStateException(key() + " has no rate function");
        };
    }
}
