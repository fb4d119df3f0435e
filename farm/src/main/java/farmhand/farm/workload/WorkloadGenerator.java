package farmhand.farm.workload;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
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

    public WorkloadGenerator(WorkloadConfig config) {
        this.config = java.util.Objects.requireNonNull(config, "config");
    }

    public WorkloadConfig config() {
        return config;
    }

    /** The episode's tasks under {@code seed}. */
    public Workload generate(long seed) {
        UniformRandomProvider rng = Seeds.source(seed, "workload");
        ContinuousSampler gamma = AhrensDieterMarsagliaTsangGammaSampler.of(
                rng, config.gammaShape(), config.gammaScaleSeconds());
        ContinuousSampler unitExponential = ZigguratSampler.Exponential.of(rng);

        List<Integer> order = phaseOrder();
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
        double deadline = Math.max(config.minDeadlineSeconds(),
                Math.min(config.maxDeadlineSeconds(), config.deadlineFactor() * seconds));
        return new Task(id, phase, generationSeconds, seconds, size, deadline, seconds);
    }

    private List<Integer> phaseOrder() {
        int n = config.phases().size();
        List<Integer> order = new ArrayList<>(n);
        if (config.phaseShuffleSeed() == null) {
            for (int p = 1; p <= n; p++) {
                order.add(p);
            }
            return order;
        }
        int[] perm = PermutationSampler.natural(n);
        PermutationSampler.shuffle(Seeds.source(config.phaseShuffleSeed(), "phase-shuffle"), perm);
        for (int p : perm) {
            order.add(p + 1);
        }
        return order;
    }
}
