package farmhand.reproduction.scaling;

import com.fasterxml.jackson.annotation.JsonProperty;
import farmhand.farm.backend.CompletedTask;
import farmhand.farm.backend.EpisodeSpec;
import farmhand.farm.live.FunctionDeployer;
import farmhand.farm.live.LiveFarmBackend;
import farmhand.farm.live.LiveFarmOptions;
import farmhand.farm.queue.RedisEndpoint;
import farmhand.farm.platform.LatencyProfile;
import farmhand.farm.runtime.WorkerName;
import farmhand.farm.workload.BatchWorkload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures a platform's own scale-up latency (the bare local platform's by default), uncompressed: from the scale request
 * to the moment the new worker takes its first task, over a farm with a standing backlog so a
 * new worker always finds work. Wall milliseconds.
 *
 * @param samplesMillis one latency per scale-up, in request order: request to the first task taken, on the new
 *                      worker's clock
 * @param startMillis per scale-up, request to the new worker's START as the worker stamped it, on the clock of
 *                    {@code samplesMillis} (the farm sees the START only when it polls, possibly after the
 *                    worker took its first task: that is in {@code upBlockingSeconds}, not here)
 * @param upBlockingSeconds per scale-up, how long the scale action blocked the controller (deploy to START),
 *                          in the format of a latency profile's {@code up} rows
 * @param downBlockingSeconds per scale-down (as many as scale-ups, after them), how long it blocked the
 *                            controller (SCALE_DOWN to the worker removed): a profile's {@code down} rows
 */
public record ScaleUpLatency(List<Double> samplesMillis, List<Double> startMillis, List<Double> upBlockingSeconds,
                             List<Double> downBlockingSeconds) {

    /** Service time of the backlog's tasks, seconds: long enough that the backlog outlasts the scale-ups. */
    private static final double TASK_SECONDS = 0.5;

    public ScaleUpLatency {
        samplesMillis = List.copyOf(samplesMillis);
        startMillis = List.copyOf(startMillis);
        upBlockingSeconds = List.copyOf(upBlockingSeconds);
        downBlockingSeconds = List.copyOf(downBlockingSeconds);
    }

    /**
     * The measured blocking times as a latency profile file the simulator loads
     * ({@code direction,workers_after,seconds}, as the OpenFaaS profile), in <b>model</b> seconds of a live
     * farm run at {@code timeCompression}: a real platform's latency is its own (wall) time, and a farm that
     * divides model time by C sees it C times longer in model time (2.2 s wall is 22 model s at C = 10), so
     * every measured wall second is written as C model seconds. A simulator loading the file then models
     * the platform as a live run at that compression meets it.
     *
     * @param source a comment line naming where the samples come from
     * @param firstWorkersAfter workers after the first scale-up
     * @param timeCompression the compression of the live runs the profile is for, {@code >= 1}
     */
    public String profileCsv(String source, int firstWorkersAfter, double timeCompression) {
        if (!(timeCompression >= 1) || !Double.isFinite(timeCompression)) {
            throw new IllegalArgumentException("timeCompression must be >= 1, was " + timeCompression);
        }
        StringBuilder csv = new StringBuilder("# " + source.replace("\n", " ") + "\n"
                + String.format(java.util.Locale.ROOT, "# model seconds of a live farm at time compression %s "
                        + "(measured wall seconds x %s)%n", plain(timeCompression), plain(timeCompression))
                + "# every row is one timed scale action: "
                + "direction, workers after the action, seconds it blocked the control step\ndirection,workers_after,seconds\n");
        for (int i = 0; i < upBlockingSeconds.size(); i++) {
            csv.append(String.format(java.util.Locale.ROOT, "up,%d,%.4f%n", firstWorkersAfter + i,
                    upBlockingSeconds.get(i) * timeCompression));
        }
        int workers = firstWorkersAfter + upBlockingSeconds.size() - 1;
        for (int i = 0; i < downBlockingSeconds.size(); i++) {
            csv.append(String.format(java.util.Locale.ROOT, "down,%d,%.4f%n", workers - 1 - i,
                    downBlockingSeconds.get(i) * timeCompression));
        }
        return csv.toString();
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** Median, wall milliseconds. */
    @JsonProperty("p50Millis")
    public double p50Millis() {
        return Percentiles.of(array(), 50);
    }

    /** 95th percentile, wall milliseconds. */
    @JsonProperty("p95Millis")
    public double p95Millis() {
        return Percentiles.of(array(), 95);
    }

    private double[] array() {
        return samplesMillis.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * @param redisUrl the Redis the farm uses
     * @param scaleUps how many workers to add one after another, {@code >= 1}
     * @param seed seeds the farm
     */
    public static ScaleUpLatency measure(String redisUrl, int scaleUps, long seed) {
        return measure(redisUrl, PlatformVariant.bare(), scaleUps, seed);
    }

    /**
     * The same on any platform variant (uncompressed: a real platform's latency is its own).
     *
     * @param variant the platform the new workers start on
     */
    public static ScaleUpLatency measure(String redisUrl, PlatformVariant variant, int scaleUps, long seed) {
        if (scaleUps < 1) {
            throw new IllegalArgumentException("scaleUps must be >= 1, was " + scaleUps);
        }
        // each of the scaleUps + 1 workers takes one task per TASK_SECONDS (0.5 s); the backlog must outlast the
        // scale-ups, which take ~10 ms each on the local platform but seconds on docker or OpenFaaS (tens of
        // seconds on a loaded machine): enough for every worker to be busy while each scale-up takes up to the
        // farm's START handshake bound, and the wait after them
        double seconds = scaleUps * FunctionDeployer.HANDSHAKE_TIMEOUT.toSeconds() + 2 * TASK_SECONDS + 0.2;
        int backlog = (int) Math.ceil((scaleUps + 1) * seconds / TASK_SECONDS);
        try (LiveFarmBackend farm = LiveFarmBackend.create(LiveFarmOptions.defaults(1).withRedis(RedisEndpoint.of(redisUrl)),
                o -> variant.create().apply(o.compression()))) {
            farm.start(new EpisodeSpec(BatchWorkload.of(backlog, TASK_SECONDS, 0, seed), 1, seed));
            while (farm.telemetry().enqueuedTotal() < backlog) {
                farm.advanceTo(farm.nowSeconds() + 0.01);
            }
            Map<String, Double> requested = new HashMap<>();
            List<Double> upBlocking = new ArrayList<>();
            for (int i = 0; i < scaleUps; i++) {
                double at = farm.nowSeconds();
                upBlocking.add(farm.scale(+1).scalingSeconds());
                requested.put(new WorkerName(i + 2).toString(), at);
            }
            farm.advanceTo(farm.nowSeconds() + 2 * TASK_SECONDS + 0.2);
            Map<String, Double> firstTake = new HashMap<>();
            for (CompletedTask c : farm.drainCollected()) {
                if (c.worker() != null) {
                    firstTake.merge(c.worker(), c.workStartSeconds(), Math::min);
                }
            }
            List<Double> samples = new ArrayList<>();
            List<Double> starts = new ArrayList<>();
            for (int i = 0; i < scaleUps; i++) {
                String name = new WorkerName(i + 2).toString();
                Double took = firstTake.get(name);
                if (took == null) {
                    throw new IllegalStateException(name + " completed no task within " + (2 * TASK_SECONDS + 0.2)
                            + " s of its scale-up: the backlog ran dry or the worker never started");
                }
                samples.add((took - requested.get(name)) * 1000);
                double started = farm.startedSeconds(name).orElseThrow(() -> new IllegalStateException(
                        name + " took a task but left no START stamp (a function image built before workers "
                        + "stamped their START: rebuild it)"));
                starts.add((started - requested.get(name)) * 1000);
            }
            List<Double> downBlocking = new ArrayList<>();
            for (int i = 0; i < scaleUps; i++) {
                downBlocking.add(farm.scale(-1).scalingSeconds());
            }
            return new ScaleUpLatency(samples, starts, upBlocking, downBlocking);
        }
    }
}
