package farmhand.reproduction.scaling;

import farmhand.farm.backend.CompletedTask;
import farmhand.farm.backend.EpisodeSpec;
import farmhand.farm.live.LiveFarmBackend;
import farmhand.farm.platform.LatencyProfile;
import farmhand.farm.workload.BatchWorkload;
import farmhand.farm.workload.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs the static scaling experiment (SPEC section 8, paper Fig. 2) on the live farm: for every
 * arrival window and worker count, a batch of equal tasks through real Redis queues and real
 * functions on the local platform; runtime is first generation to last collection, speedup is
 * relative to the smallest farm. A short warm-up batch runs first and is not reported. Not thread-safe; one experiment at a time per Redis key prefix.
 */
public final class ScalingExperiment {

    private static final double STEP_SECONDS = 1.0;

    private final ScalingSettings settings;
    private final String redisUrl;

    /**
     * @param settings what to run
     * @param redisUrl the Redis the farm uses (its farm keys are cleared before every run)
     */
    public ScalingExperiment(ScalingSettings settings, String redisUrl) {
        this.settings = settings;
        this.redisUrl = redisUrl;
    }

    /**
     * Measures the curve on the local platform with {@code profile} as its deploy latency.
     *
     * @param label names the platform in the result, e.g. {@code local (bare)}
     * @param progress told each point as it is measured
     */
    public ScalingCurve run(String label, LatencyProfile profile, Consumer<ScalingPoint> progress) {
        List<ScalingPoint> points = new ArrayList<>();
        // warm-up, not reported: the first measured point would otherwise pay for class loading and JIT
        int largest = settings.workerCounts().getLast();
        runBatch(BatchWorkload.of(4 * largest, settings.serviceSeconds(), 0, settings.seed()), largest, profile);
        for (double window : settings.windowsSeconds()) {
            Workload batch = BatchWorkload.of(settings.tasks(), settings.serviceSeconds(), window, settings.seed());
            double baseline = Double.NaN;
            for (int n : settings.workerCounts()) {
                double init = FarmInitialisation.measureSeconds(redisUrl, profile, settings.compression(), n,
                        settings.seed() + n);
                List<CompletedTask> done = runBatch(batch, n, profile);
                double first = done.stream().mapToDouble(CompletedTask::generationSeconds).min().orElse(Double.NaN);
                double last = done.stream().mapToDouble(CompletedTask::collectSeconds).max().orElse(Double.NaN);
                double runtime = last - first;
                if (Double.isNaN(baseline)) {
                    baseline = runtime * n;
                }
                double[] dataPathMillis = done.stream()
                        .mapToDouble(c -> c.dataPathSeconds() / settings.compression() * 1000).toArray();
                ScalingPoint point = new ScalingPoint(window, n, runtime, init, baseline / runtime,
                        Percentiles.of(dataPathMillis, 50), Percentiles.of(dataPathMillis, 95), done.size());
                points.add(point);
                progress.accept(point);
            }
        }
        return new ScalingCurve(label, settings.compression(), settings.tasks(), settings.serviceSeconds(), points);
    }

    private List<CompletedTask> runBatch(Workload batch, int workers, LatencyProfile profile) {
        List<CompletedTask> done = new ArrayList<>(batch.size());
        try (LiveFarmBackend farm = LiveFarmBackend.local(redisUrl, profile, settings.compression(), settings.seed())) {
            farm.start(new EpisodeSpec(batch, workers, settings.seed()));
            double limit = batch.generationEndSeconds() + 2.0 * batch.size() * settings.serviceSeconds() / workers + 600;
            for (double t = STEP_SECONDS; ; t += STEP_SECONDS) {
                farm.advanceTo(t);
                done.addAll(farm.drainCollected());
                if (farm.telemetry().drained()) {
                    break;
                }
                if (t > limit) {
                    throw new IllegalStateException("the batch of " + batch.size() + " tasks on " + workers
                            + " workers was not done after " + limit + " model seconds: " + farm.account());
                }
            }
            done.addAll(farm.drainCollected());
        }
        return done;
    }
}
