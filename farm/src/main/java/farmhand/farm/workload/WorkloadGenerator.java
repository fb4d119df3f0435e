package farmhand.farm.workload;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.InverseTransformParetoSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Generates an episode's task stream from a seed (SPEC section 2): per phase a
 * "controlled Poisson" process with the exact task count, Gamma-distributed task durations
 * mapped to image sizes through the service-time model, and deadlines {@code beta * t}.
 *
 * <p>Stateless apart from its configuration: thread-safe; equal seeds give equal workloads.
 */
public final class WorkloadGenerator {

    private final WorkloadConfig config;
    private final TraceFile trace;

    /**
     * A generator of {@code config}'s episodes; reads the trace file now when the shape is {@link WorkloadShape#TRACE}.
     *
     * @throws IllegalArgumentException {@code file:line: reason} when the trace file is refused
     */
    public WorkloadGenerator(WorkloadConfig config) {
        this.config = java.util.Objects.requireNonNull(config, "config");
        this.trace = config.shape() == WorkloadShape.TRACE
                ? TraceFile.read(java.nio.file.Path.of(config.traceFile()), config.serviceTime()) : null;
    }

    public WorkloadConfig config() {
        return config;
    }

    /** The episode's tasks under {@code seed}. */
    public Workload generate(long seed) {
        UniformRandomProvider rng = Seeds.source(seed, "workload");
        ContinuousSampler gamma = durations(rng);
        ContinuousSampler unitExponential = ZigguratSampler.Exponential.of(rng);
        if (config.shape() == WorkloadShape.TRACE) {
            return replay(seed);
        }
        if (config.shape() != WorkloadShape.PHASES) {
            return shaped(seed, rng, gamma);
        }

        List<Integer> order = phaseOrder(seed);
        List<Task> tasks = new ArrayList<>(config.totalTasks());
        List<Double> starts = new ArrayList<>(order.size());
        double windowSeconds = config.phaseSeconds() / config.windowsPerPhase();
        double t = 0.0;
        for (int phaseNumber : order) {
            PhaseSpec phase = config.phases().get(phaseNumber - 1);
            starts.add(t);
            double phaseStart = t;
            int remaining = config.tasksInPhase(phaseNumber - 1);
            int windows = config.windowsPerPhase();
            for (int w = 0; w < windows; w++) {
                int n = drawWindowCount(rng, phase, w, windows, remaining);
                remaining -= n;
                boolean described = config.mode() == ArrivalMode.AS_DESCRIBED;
                if (described) {
                    t = Math.max(t, phaseStart + w * windowSeconds);
                }
                if (n == 0) {
                    // as deployed: an empty window is skipped without waiting; as described: it takes its time
                    if (described) {
                        t = Math.max(t, phaseStart + (w + 1) * windowSeconds);
                    }
                    continue;
                }
                if (described) {
                    // exponential gaps conditioned on n arrivals inside the window: the window takes its time
                    double[] gaps = new double[n + 1];
                    double total = 0;
                    for (int i = 0; i <= n; i++) {
                        gaps[i] = unitExponential.sample();
                        total += gaps[i];
                    }
                    double at = 0;
                    for (int i = 0; i < n; i++) {
                        at += gaps[i];
                        tasks.add(newTask(tasks.size(), phaseNumber, t + windowSeconds * at / total, gamma));
                    }
                    t += windowSeconds;
                } else {
                    // as deployed: n exponential gaps of mean window/n, the window lasting as long as they take
                    double meanGap = windowSeconds / n;
                    for (int i = 0; i < n; i++) {
                        t += meanGap * unitExponential.sample();
                        tasks.add(newTask(tasks.size(), phaseNumber, t, gamma));
                    }
                }
            }
            if (config.mode() == ArrivalMode.AS_DESCRIBED) {
                t = Math.max(t, phaseStart + config.phaseSeconds());
            }
        }
        return new Workload(seed, tasks, order, starts, t);
    }

    /**
     * The rate shapes: per window of {@code phaseSeconds / windowsPerPhase} a Poisson count with mean
     * rate x window (rate at the window's middle), arrivals uniform inside the window (a
     * non-homogeneous Poisson process with a piecewise-constant rate). The phases cut the episode into
     * equal segments, played in canonical order.
     */
    private Workload shaped(long seed, UniformRandomProvider rng, ContinuousSampler durations) {
        WorkloadShape shape = config.shape();
        double episode = config.episodeSeconds();
        int segments = config.phases().size();
        int windows = segments * config.windowsPerPhase();
        double window = episode / windows;
        double burst = shape == WorkloadShape.IMPULSE ? WorkloadShape.impulseStartSeconds(seed, episode, window) : Double.NaN;
        List<Task> tasks = new ArrayList<>();
        for (int w = 0; w < windows; w++) {
            double start = w * window;
            double mean = config.baseRatePerMinute() / 60.0 * window * shape.multiplier(start + window / 2, episode, burst);
            int n = PoissonSampler.of(rng, mean).sample();
            double[] at = new double[n];
            for (int i = 0; i < n; i++) {
                at[i] = start + window * rng.nextDouble();
            }
            java.util.Arrays.sort(at);
            int phase = 1 + w / config.windowsPerPhase();
            for (double t : at) {
                tasks.add(newTask(tasks.size(), phase, t, durations));
            }
        }
        return new Workload(seed, tasks, canonical(segments), segmentStarts(segments, config.phaseSeconds()), episode);
    }

    /**
     * The trace shape: the file's tasks, the same for every seed; the phases cut the trace's span
     * (to its last arrival) into equal segments for the phase indicator.
     */
    private Workload replay(long seed) {
        int segments = config.phases().size();
        double span = Math.max(trace.arrivalSeconds()[trace.size() - 1], 1e-3);
        double segment = span / segments;
        List<Task> tasks = new ArrayList<>(trace.size());
        for (int i = 0; i < trace.size(); i++) {
            double t = trace.arrivalSeconds()[i];
            double seconds = trace.serviceSeconds()[i];
            int phase = Math.min(segments, 1 + (int) (t / segment));
            tasks.add(new Task(i, phase, t, seconds, trace.imageSizePx()[i], deadline(seconds), seconds));
        }
        return new Workload(seed, tasks, canonical(segments), segmentStarts(segments, segment), span);
    }

    private static List<Integer> canonical(int n) {
        List<Integer> order = new ArrayList<>(n);
        for (int p = 1; p <= n; p++) {
            order.add(p);
        }
        return order;
    }

    private static List<Double> segmentStarts(int n, double seconds) {
        List<Double> starts = new ArrayList<>(n);
        for (int p = 0; p < n; p++) {
            starts.add(p * seconds);
        }
        return starts;
    }

    /**
     * Durations before clipping: the paper's Gamma, or a Pareto type I with the Gamma's mean
     * ({@code scale = mean (alpha - 1) / alpha}).
     */
    private ContinuousSampler durations(UniformRandomProvider rng) {
        if (config.serviceDistribution() == ServiceDistribution.PARETO) {
            double alpha = config.paretoTailIndex();
            double mean = config.gammaShape() * config.gammaScaleSeconds();
            return InverseTransformParetoSampler.of(rng, mean * (alpha - 1) / alpha, alpha);
        }
        return AhrensDieterMarsagliaTsangGammaSampler.of(rng, config.gammaShape(), config.gammaScaleSeconds());
    }

    private double deadline(double seconds) {
        return Math.max(config.minDeadlineSeconds(), Math.min(config.maxDeadlineSeconds(), config.deadlineFactor() * seconds));
    }

    private int drawWindowCount(UniformRandomProvider rng, PhaseSpec phase, int w, int windows, int remaining) {
        if (w == windows - 1) {
            return remaining;
        }
        if (remaining == 0) {
            return 0;
        }
        double mean;
        if (config.mode() == ArrivalMode.AS_DESCRIBED && phase.amplitude() > 0) {
            double here = phase.shape((w + 0.5) / windows);
            double left = 0;
            for (int j = w; j < windows; j++) {
                left += phase.shape((j + 0.5) / windows);
            }
            mean = remaining * here / left;
        } else {
            mean = (double) remaining / (windows - w);
        }
        int n = PoissonSampler.of(rng, mean).sample();
        return Math.min(n, remaining);
    }

    private Task newTask(int id, int phase, double generationSeconds, ContinuousSampler gamma) {
        ServiceTimeModel model = config.serviceTime();
        double t = gamma.sample();
        for (int redraw = 0; redraw < 5 && t <= model.b(); redraw++) {
            t = gamma.sample();
        }
        if (t <= model.b()) {
            t = config.fallbackSeconds();
        }
        t = Math.max(model.minSeconds(), Math.min(model.maxSeconds(), t));
        int size = model.sizeFor(t);
        double seconds = model.seconds(size);
        return new Task(id, phase, generationSeconds, seconds, size, deadline(seconds), seconds);
    }

    private List<Integer> phaseOrder(long episodeSeed) {
        int n = config.phases().size();
        List<Integer> order = new ArrayList<>(n);
        Long shuffleSeed = config.phaseShuffleSeed() != null ? config.phaseShuffleSeed()
                : config.shufflePhasesPerEpisode() ? Long.valueOf(episodeSeed) : null;
        if (shuffleSeed == null) {
            return canonical(n);
        }
        int[] perm = PermutationSampler.natural(n);
        PermutationSampler.shuffle(Seeds.source(shuffleSeed, "phase-shuffle"), perm);
        for (int p : perm) {
            order.add(p + 1);
        }
        return order;
    }
}
