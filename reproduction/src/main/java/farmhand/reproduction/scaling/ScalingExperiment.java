package farmhand.reproduction.scaling;

import farmhand.farm.backend.CompletedTask;
import farmhand.farm.backend.EpisodeSpec;
import farmhand.farm.live.LiveFarmBackend;
import farmhand.farm.live.LiveFarmOptions;
import farmhand.farm.queue.RedisEndpoint;
import farmhand.farm.platform.LatencyProfile;
import farmhand.farm.workload.BatchWorkload;
import farmhand.farm.workload.Workload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final PlatformVariant batchPlatform;
    private final Consumer<BatchRun> afterBatch;

    /**
     * One batch run, told to the {@code afterBatch} hook while its farm still runs (its functions still
     * deployed), e.g. to read the memory of its containers.
     *
     * @param workers farm size
     * @param farm the farm, drained
     */
    public record BatchRun(int workers, LiveFarmBackend farm) {
    }

    /**
     * @param settings what to run
     * @param redisUrl the Redis the farm uses (its farm keys are cleared before every run)
     */
    public ScalingExperiment(ScalingSettings settings, String redisUrl) {
        this(settings, redisUrl, PlatformVariant.bare(), run -> { });
    }

    /**
     * @param settings what to run
     * @param redisUrl the Redis the farm uses
     * @param batchPlatform where the runtime batches run (the bare local platform by default)
     * @param afterBatch told each measured batch before its farm closes
     */
    public ScalingExperiment(ScalingSettings settings, String redisUrl, PlatformVariant batchPlatform,
                             Consumer<BatchRun> afterBatch) {
        this.settings = settings;
        this.redisUrl = redisUrl;
        this.batchPlatform = batchPlatform;
        this.afterBatch = afterBatch;
    }

    /**
     * Measures the curve. The runtime runs start with every worker up, so the platform's deploy
     * latency does not enter them: each (window, N) runs once, on the bare local platform, and the
     * farm's initialisation is measured separately for every platform variant.
     *
     * @param platforms deploy latency of each platform variant, by name, in report order; not empty
     * @param progress told each point as it is measured
     */
    public ScalingCurve run(Map<String, LatencyProfile> platforms, Consumer<ScalingPoint> progress) {
        List<PlatformVariant> variants = new ArrayList<>();
        platforms.forEach((name, profile) -> variants.add(PlatformVariant.local(name, profile)));
        return runOn(variants, progress);
    }

    /**
     * Measures the curve with the initialisation measured on each of {@code platforms}.
     *
     * @param platforms the platform variants whose initialisation is measured, in report order; not empty
     * @param progress told each point as it is measured
     */
    public ScalingCurve runOn(List<PlatformVariant> platforms, Consumer<ScalingPoint> progress) {
        if (platforms.isEmpty()) {
            throw new IllegalArgumentException("platforms must name at least one platform variant");
        }
        List<ScalingPoint> points = new ArrayList<>();
        // warm-up, not reported: the first measured point would otherwise pay for class loading and JIT
        int largest = settings.workerCounts().getLast();
        runBatch(BatchWorkload.of(4 * largest, settings.serviceSeconds(), 0, settings.seed()), largest, false,
                new double[1]);
        for (double window : settings.windowsSeconds()) {
            Workload batch = BatchWorkload.of(settings.tasks(), settings.serviceSeconds(), window, settings.seed());
            double baseline = Double.NaN;
            for (int n : settings.workerCounts()) {
                Map<String, Double> init = new LinkedHashMap<>();
                for (PlatformVariant variant : platforms) {
                    init.put(variant.name(), FarmInitialisation.measureSeconds(
                            redisUrl, variant, settings.compression(), n, settings.seed() + n));
                }
                double[] lateStart = new double[1];
                List<CompletedTask> done = runBatch(batch, n, true, lateStart);
                double first = done.stream().mapToDouble(CompletedTask::generationSeconds).min().orElse(Double.NaN);
                double last = done.stream().mapToDouble(CompletedTask::collectSeconds).max().orElse(Double.NaN);
                double runtime = last - first;
                if (Double.isNaN(baseline)) {
                    baseline = runtime * n;
                }
                double[] dataPathMillis = done.stream()
                        .mapToDouble(c -> c.dataPathSeconds() / settings.compression() * 1000).toArray();
                ScalingPoint point = new ScalingPoint(window, n, runtime, baseline / runtime,
                        Percentiles.of(dataPathMillis, 50), Percentiles.of(dataPathMillis, 95), done.size(), init,
                        lateStart[0]);
                points.add(point);
                progress.accept(point);
            }
        }
        return new ScalingCurve(settings.compression(), settings.tasks(), settings.serviceSeconds(),
                platforms.stream().map(PlatformVariant::name).toList(), points);
    }

    /** Runs {@code batch} on {@code workers}; {@code lateStart[0]} is set to how late its functions started. */
    private List<CompletedTask> runBatch(Workload batch, int workers, boolean measured, double[] lateStart) {
        List<CompletedTask> done = new ArrayList<>(batch.size());
        LiveFarmOptions options = LiveFarmOptions.defaults(settings.compression()).withRedis(RedisEndpoint.of(redisUrl));
        try (LiveFarmBackend farm = LiveFarmBackend.create(options, o -> batchPlatform.create().apply(o.compression()))) {
            farm.start(new EpisodeSpec(batch, workers, settings.seed()));
            lateStart[0] = farm.health().lateStartModelSeconds();
            double limit = batch.generationEndSeconds() + 2.0 * batch.size() * settings.serviceSeconds() / workers + 600;
            for (double t = STEP_SECONDS; ; t += STEP_SECONDS) {
                farm.advanceTo(t);
                boolean drained = farm.telemetry().drained(); // read before draining: nothing arrives after it
                done.addAll(farm.drainCollected());
                if (drained) {
                    if (measured) {
                        afterBatch.accept(new BatchRun(workers, farm));
                    }
                    break;
                }
                if (t > limit) {
                    throw new IllegalStateException("the batch of " + batch.size() + " tasks on " + workers
                            + " workers was not done after " + limit + " model seconds: " + farm.account().map(a -> a.describe()).orElse("no account"));
                }
            }
        }
        return done;
    }
}
