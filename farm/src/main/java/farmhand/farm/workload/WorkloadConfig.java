package farmhand.farm.workload;

import java.util.List;

/**
 * Everything that shapes an episode's task stream (SPEC section 2), with the paper's values
 * in {@link #paper()}. Immutable; every component is validated on construction and a refusal
 * names the component.
 *
 * @param mode arrival process, as deployed (default) or as described
 * @param baseRatePerMinute base arrival rate in tasks per minute, {@code > 0} (paper: 300); every phase must
 *                          generate at least one task and an episode at most {@link #MAX_EPISODE_TASKS}
 * @param phaseSeconds length of every phase in seconds, in [{@link #MIN_PHASE_SECONDS}, {@link #MAX_PHASE_SECONDS}] (paper: 60)
 * @param windowsPerPhase controlled-Poisson windows per phase, {@code >= 1} (paper: 60)
 * @param phases the phases in canonical order, at least one (paper: 4)
 * @param phaseShuffleSeed when non-null, phases are played in an order shuffled with this seed
 * @param gammaShape shape of the Gamma draw of task durations, {@code > 0} (paper: 4)
 * @param gammaScaleSeconds scale of the Gamma draw in seconds, {@code > 0} (paper: 0.375)
 * @param fallbackSeconds duration used when 5 redraws all stay at or below {@code b} (paper: 1.5)
 * @param deadlineFactor beta in {@code D = beta * t}, {@code > 0} (paper: 2)
 * @param minDeadlineSeconds lower clamp of D, {@code > 0} (paper: 0.1)
 * @param maxDeadlineSeconds upper clamp of D, {@code >= minDeadlineSeconds} (paper: 30)
 * @param serviceTime the service-time model
 * @param shape how the rate moves over the episode ({@link WorkloadShape#PHASES}: the phases' multipliers, the paper's)
 * @param shufflePhasesPerEpisode when true (and {@code phaseShuffleSeed} is null), each episode plays the phases in
 *                                an order shuffled with its own seed (issue 14's random phase order)
 * @param serviceDistribution the distribution of task durations (Gamma: the paper's; Pareto: a heavy tail)
 * @param paretoTailIndex tail index of the Pareto durations, {@code > 1} so the mean exists (used only with Pareto)
 * @param traceFile the CSV trace replayed with {@link WorkloadShape#TRACE} (see {@link TraceFile}); null otherwise
 */
public record WorkloadConfig(
        ArrivalMode mode,
        double baseRatePerMinute,
        double phaseSeconds,
        int windowsPerPhase,
        List<PhaseSpec> phases,
        Long phaseShuffleSeed,
        double gammaShape,
        double gammaScaleSeconds,
        double fallbackSeconds,
        double deadlineFactor,
        double minDeadlineSeconds,
        double maxDeadlineSeconds,
        ServiceTimeModel serviceTime,
        WorkloadShape shape,
        boolean shufflePhasesPerEpisode,
        ServiceDistribution serviceDistribution,
        double paretoTailIndex,
        String traceFile) {

    /** The four phases of the paper: steady low, steady high, slow and fast oscillation. */
    public static final List<PhaseSpec> PAPER_PHASES = List.of(
            new PhaseSpec("steady-low", 0.3, 0.0, 0.0),
            new PhaseSpec("steady-high", 1.5, 0.0, 0.0),
            new PhaseSpec("slow-oscillation", 1.0, 0.5, 1.0),
            new PhaseSpec("fast-oscillation", 1.0, 0.7, 4.0));

    /** Shortest phase, seconds: shorter ones leave no room for a control step. */
    public static final double MIN_PHASE_SECONDS = 1;
    /** Longest phase, seconds (a day). */
    public static final double MAX_PHASE_SECONDS = 86_400;
    /** Most tasks one episode may generate: an episode holds all of its tasks in memory (the paper: 1140). */
    public static final int MAX_EPISODE_TASKS = 1_000_000;

    /** Default Pareto tail index: heavy (the variance is large) while the mean stays finite. */
    public static final double DEFAULT_PARETO_TAIL_INDEX = 2.2;

    /** The paper's components with the paper's shape, phase order and Gamma durations. */
    public WorkloadConfig(ArrivalMode mode, double baseRatePerMinute, double phaseSeconds, int windowsPerPhase,
                          List<PhaseSpec> phases, Long phaseShuffleSeed, double gammaShape, double gammaScaleSeconds,
                          double fallbackSeconds, double deadlineFactor, double minDeadlineSeconds,
                          double maxDeadlineSeconds, ServiceTimeModel serviceTime) {
        this(mode, baseRatePerMinute, phaseSeconds, windowsPerPhase, phases, phaseShuffleSeed, gammaShape,
                gammaScaleSeconds, fallbackSeconds, deadlineFactor, minDeadlineSeconds, maxDeadlineSeconds, serviceTime,
                WorkloadShape.PHASES, false, ServiceDistribution.GAMMA, DEFAULT_PARETO_TAIL_INDEX, null);
    }

    public WorkloadConfig {
        require(mode != null, "mode must be as-deployed or as-described");
        require(baseRatePerMinute > 0 && Double.isFinite(baseRatePerMinute),
                "baseRatePerMinute must be > 0, was " + baseRatePerMinute);
        require(phaseSeconds >= MIN_PHASE_SECONDS && phaseSeconds <= MAX_PHASE_SECONDS,
                "phaseSeconds must be in [" + MIN_PHASE_SECONDS + ", " + MAX_PHASE_SECONDS + "], was " + phaseSeconds);
        require(windowsPerPhase >= 1 && windowsPerPhase <= 100_000, "windowsPerPhase must be in [1, 100000], was " + windowsPerPhase);
        require(phases != null && !phases.isEmpty(), "phases must list at least one phase");
        phases = List.copyOf(phases);
        require(shape != null, "shape must be phases, impulse, ramp, diurnal or trace");
        require(serviceDistribution != null, "serviceDistribution must be gamma or pareto");
        require(paretoTailIndex > 1 && Double.isFinite(paretoTailIndex),
                "paretoTailIndex must be > 1 (the mean must exist), was " + paretoTailIndex);
        require((shape == WorkloadShape.TRACE) == (traceFile != null && !traceFile.isBlank()),
                shape == WorkloadShape.TRACE ? "shape trace needs traceFile (a CSV file of arrivals)"
                        : "traceFile is read only with shape trace, shape is " + shape.key());
        double episodeTasks = 0;
        for (PhaseSpec p : shape == WorkloadShape.PHASES ? phases : List.<PhaseSpec>of()) {
            double tasks = baseRatePerMinute * p.multiplier() * phaseSeconds / 60.0;
            require(tasks >= 0.5, "phase '" + p.name() + "' would generate no task (baseRatePerMinute " + baseRatePerMinute
                    + " * multiplier " + p.multiplier() + " * phaseSeconds " + phaseSeconds + " / 60 rounds to 0)");
            episodeTasks += tasks;
        }
        if (shape != WorkloadShape.PHASES && shape != WorkloadShape.TRACE) {
            double seconds = phases.size() * phaseSeconds;
            episodeTasks = baseRatePerMinute / 60.0 * seconds * shape.meanMultiplier(seconds);
        }
        require(episodeTasks <= MAX_EPISODE_TASKS, "baseRatePerMinute, phaseSeconds and the phases' multipliers give "
                + String.format(java.util.Locale.ROOT, "%.3g", episodeTasks) + " tasks per episode; at most "
                + MAX_EPISODE_TASKS + " are supported (the paper: 1140)");
        require(gammaShape > 0, "gammaShape must be > 0, was " + gammaShape);
        require(gammaScaleSeconds > 0, "gammaScaleSeconds must be > 0, was " + gammaScaleSeconds);
        require(fallbackSeconds > 0, "fallbackSeconds must be > 0, was " + fallbackSeconds);
        require(deadlineFactor > 0, "deadlineFactor must be > 0, was " + deadlineFactor);
        require(minDeadlineSeconds > 0, "minDeadlineSeconds must be > 0, was " + minDeadlineSeconds);
        require(maxDeadlineSeconds >= minDeadlineSeconds,
                "maxDeadlineSeconds must be >= minDeadlineSeconds (" + minDeadlineSeconds + "), was " + maxDeadlineSeconds);
        require(serviceTime != null, "serviceTime must be given");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** The paper's workload, as deployed: 4 phases, 1140 tasks, canonical order. */
    public static WorkloadConfig paper() {
        return new WorkloadConfig(ArrivalMode.AS_DEPLOYED, 300, 60, 60, PAPER_PHASES, null,
                4.0, 0.375, 1.5, 2.0, 0.1, 30.0, ServiceTimeModel.PAPER);
    }

    /** A copy with another arrival mode. */
    public WorkloadConfig withMode(ArrivalMode newMode) {
        return new WorkloadConfig(newMode, baseRatePerMinute, phaseSeconds, windowsPerPhase, phases,
                phaseShuffleSeed, gammaShape, gammaScaleSeconds, fallbackSeconds, deadlineFactor,
                minDeadlineSeconds, maxDeadlineSeconds, serviceTime, shape, shufflePhasesPerEpisode,
                serviceDistribution, paretoTailIndex, traceFile);
    }

    /** A copy whose phases are played in an order shuffled with {@code seed} (null: canonical order). */
    public WorkloadConfig withPhaseShuffleSeed(Long seed) {
        return new WorkloadConfig(mode, baseRatePerMinute, phaseSeconds, windowsPerPhase, phases,
                seed, gammaShape, gammaScaleSeconds, fallbackSeconds, deadlineFactor,
                minDeadlineSeconds, maxDeadlineSeconds, serviceTime, shape, shufflePhasesPerEpisode,
                serviceDistribution, paretoTailIndex, traceFile);
    }

    /** A copy whose phases each episode plays in an order shuffled with the episode's seed. */
    public WorkloadConfig withPhasesShuffledPerEpisode() {
        return new WorkloadConfig(mode, baseRatePerMinute, phaseSeconds, windowsPerPhase, phases,
                null, gammaShape, gammaScaleSeconds, fallbackSeconds, deadlineFactor,
                minDeadlineSeconds, maxDeadlineSeconds, serviceTime, shape, true,
                serviceDistribution, paretoTailIndex, traceFile);
    }

    /** A copy with another rate shape ({@code traceFile} only with {@link WorkloadShape#TRACE}). */
    public WorkloadConfig withShape(WorkloadShape newShape, String newTraceFile) {
        return new WorkloadConfig(mode, baseRatePerMinute, phaseSeconds, windowsPerPhase, phases,
                phaseShuffleSeed, gammaShape, gammaScaleSeconds, fallbackSeconds, deadlineFactor,
                minDeadlineSeconds, maxDeadlineSeconds, serviceTime, newShape, shufflePhasesPerEpisode,
                serviceDistribution, paretoTailIndex, newTraceFile);
    }

    /** A copy with durations from {@code distribution} and a service-time model {@code model} (to let a tail through). */
    public WorkloadConfig withServiceTimes(ServiceDistribution distribution, ServiceTimeModel model) {
        return new WorkloadConfig(mode, baseRatePerMinute, phaseSeconds, windowsPerPhase, phases,
                phaseShuffleSeed, gammaShape, gammaScaleSeconds, fallbackSeconds, deadlineFactor,
                minDeadlineSeconds, maxDeadlineSeconds, model, shape, shufflePhasesPerEpisode,
                distribution, paretoTailIndex, traceFile);
    }

    /** Length of the generation in seconds for the rate shapes: {@code phases().size() x phaseSeconds}. */
    public double episodeSeconds() {
        return phases.size() * phaseSeconds;
    }

    /** Exact number of tasks phase {@code p} (0-based) generates. */
    public int tasksInPhase(int p) {
        return (int) Math.round(baseRatePerMinute * phases.get(p).multiplier() * phaseSeconds / 60.0);
    }

    /**
     * Number of tasks an episode generates: exact for {@link WorkloadShape#PHASES} (1140 for the paper), the
     * expected count (rounded) for the rate shapes, whose Poisson totals vary by seed, and the file's count for
     * {@link WorkloadShape#TRACE} (read here).
     *
     * @throws IllegalArgumentException {@code file:line: reason} when the trace file is refused
     */
    public int totalTasks() {
        if (shape == WorkloadShape.TRACE) {
            return TraceFile.read(java.nio.file.Path.of(traceFile), serviceTime).size();
        }
        if (shape != WorkloadShape.PHASES) {
            return (int) Math.round(baseRatePerMinute / 60.0 * episodeSeconds() * shape.meanMultiplier(episodeSeconds()));
        }
        int total = 0;
        for (int p = 0; p < phases.size(); p++) {
            total += tasksInPhase(p);
        }
        return total;
    }
}
