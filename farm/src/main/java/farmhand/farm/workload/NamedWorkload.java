package farmhand.farm.workload;

import farmhand.farm.spelling.Spelled;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The workloads farmhand knows by name (issue 14), selected with {@code --workload NAME} or
 * {@code workload.preset: NAME} in the YAML file; each is a transformation of the configured (by
 * default the paper's) workload, and every one is seeded: the same seed gives the same arrivals.
 * {@code trace} also needs a file: {@code --workload trace=FILE} or {@code workload.traceFile}.
 */
public enum NamedWorkload implements Spelled {
    /** The paper's workload as its prototype ran it (the configured one, unchanged). */
    PAPER("paper"),
    /** Table II's sinusoidal phases with empty windows that take their time. */
    AS_DESCRIBED("as-described"),
    /** The paper's phases in one fixed shuffled order (shuffle seed 1). */
    SHUFFLED("shuffled"),
    /** The paper's phases in an order shuffled per episode with the episode's seed. */
    RANDOM_ORDER("random-order"),
    /** A flat 0.5 x base rate (2.5 tasks/s) with one 10 s burst at 4 x that rate at a seeded time ({@link WorkloadShape#IMPULSE}). */
    IMPULSE("impulse"),
    /** A rate rising linearly from 0.3 to 1.5 x base over the episode ({@link WorkloadShape#RAMP}). */
    RAMP("ramp"),
    /** A sine of 3 periods around the base rate, amplitude 60 % ({@link WorkloadShape#DIURNAL}). */
    DIURNAL("diurnal"),
    /**
     * The paper's phases with Pareto durations (tail index 2.2, the Gamma's mean of 1.5 s); the
     * largest image becomes {@link #HEAVY_TAIL_MAX_SIZE_PX} px (11.5 s) so the tail is not clipped at 2.9 s.
     */
    HEAVY_TAILED("heavy-tailed"),
    /** Replay of a CSV trace ({@link TraceFile}): arrivals and sizes or service times from the file. */
    TRACE("trace");

    /** Largest image side of the heavy-tailed workload, px. */
    public static final int HEAVY_TAIL_MAX_SIZE_PX = 8192;

    private final String key;

    NamedWorkload(String key) {
        this.key = key;
    }

    /** The name as typed. */
    public String key() {
        return key;
    }

    @Override
    public String spelling() {
        return key;
    }

    /** Every name, comma-separated (for messages and help). */
    public static String names() {
        return Arrays.stream(values()).map(NamedWorkload::key).collect(Collectors.joining(", "));
    }

    /** Every workload that needs no file, in declaration order (what {@code compare} runs by default). */
    public static List<NamedWorkload> generated() {
        return Arrays.stream(values()).filter(w -> w != TRACE).toList();
    }

    /**
     * The workload spelled {@code key}.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static NamedWorkload of(String key) {
        return Spelled.parse(NamedWorkload.class, "workload", key.strip());
    }

    /**
     * {@code base} turned into this workload; {@code traceFile} is required by {@link #TRACE} and refused by the others.
     *
     * @throws IllegalArgumentException when the trace file is missing or given where it is not read
     */
    public WorkloadConfig apply(WorkloadConfig base, String traceFile) {
        if ((this == TRACE) != (traceFile != null)) {
            throw new IllegalArgumentException(this == TRACE ? "workload trace needs a file: trace=FILE"
                    : "workload " + key + " takes no file (only trace=FILE does)");
        }
        return switch (this) {
            case PAPER -> base;
            case AS_DESCRIBED -> base.withMode(ArrivalMode.AS_DESCRIBED);
            case SHUFFLED -> base.withPhaseShuffleSeed(1L);
            case RANDOM_ORDER -> base.withPhasesShuffledPerEpisode();
            case IMPULSE -> base.withShape(WorkloadShape.IMPULSE, null);
            case RAMP -> base.withShape(WorkloadShape.RAMP, null);
            case DIURNAL -> base.withShape(WorkloadShape.DIURNAL, null);
            case HEAVY_TAILED -> base.withServiceTimes(ServiceDistribution.PARETO, new ServiceTimeModel(
                    base.serviceTime().a(), base.serviceTime().b(), base.serviceTime().minSizePx(),
                    Math.max(base.serviceTime().maxSizePx(), HEAVY_TAIL_MAX_SIZE_PX)));
            case TRACE -> base.withShape(WorkloadShape.TRACE, traceFile);
        };
    }

    /**
     * The workload {@code spec} names, applied to {@code base}: a name, or {@code trace=FILE}.
     *
     * @throws IllegalArgumentException for an unknown name or a misplaced file
     */
    public static WorkloadConfig parse(String spec, WorkloadConfig base) {
        int eq = spec.indexOf('=');
        String name = eq < 0 ? spec : spec.substring(0, eq);
        String file = eq < 0 ? null : spec.substring(eq + 1);
        if (file != null && file.isBlank()) {
            throw new IllegalArgumentException("workload '" + spec + "': the file after '=' is empty");
        }
        return of(name).apply(base, file);
    }
}
