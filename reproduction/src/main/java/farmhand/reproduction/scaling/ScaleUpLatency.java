package farmhand.reproduction.scaling;

import com.fasterxml.jackson.annotation.JsonProperty;
import farmhand.farm.backend.CompletedTask;
import farmhand.farm.backend.EpisodeSpec;
import farmhand.farm.live.LiveFarmBackend;
import farmhand.farm.platform.LatencyProfile;
import farmhand.farm.runtime.WorkerName;
import farmhand.farm.workload.BatchWorkload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures the bare local platform's own scale-up latency, uncompressed: from the scale request
 * to the moment the new worker takes its first task, over a farm with a standing backlog so a
 * new worker always finds work. Wall milliseconds.
 *
 * @param samplesMillis one latency per scale-up, in request order
 */
public record ScaleUpLatency(List<Double> samplesMillis) {

    /** Service time of the backlog's tasks, seconds: long enough that the backlog outlasts the scale-ups. */
    private static final double TASK_SECONDS = 0.5;

    public ScaleUpLatency {
        samplesMillis = List.copyOf(samplesMillis);
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
        if (scaleUps < 1) {
            throw new IllegalArgumentException("scaleUps must be >= 1, was " + scaleUps);
        }
        // each of the scaleUps + 1 workers takes one task per TASK_SECONDS (0.5 s); ten times what they can
        // take in the ~2 s this measurement runs keeps a standing backlog to the end
        int backlog = 10 * 4 * (scaleUps + 1);
        try (LiveFarmBackend farm = LiveFarmBackend.local(redisUrl, LatencyProfile.instant(), 1)) {
            farm.start(new EpisodeSpec(BatchWorkload.of(backlog, TASK_SECONDS, 0, seed), 1, seed));
            while (farm.telemetry().enqueuedTotal() < backlog) {
                farm.advanceTo(farm.nowSeconds() + 0.01);
            }
            Map<String, Double> requested = new HashMap<>();
            for (int i = 0; i < scaleUps; i++) {
                double at = farm.nowSeconds();
                farm.scale(+1);
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
            for (int i = 0; i < scaleUps; i++) {
                String name = new WorkerName(i + 2).toString();
                Double took = firstTake.get(name);
                if (took == null) {
                    throw new IllegalStateException(name + " completed no task within " + (2 * TASK_SECONDS + 0.2)
                            + " s of its scale-up: the backlog ran dry or the worker never started");
                }
                samples.add((took - requested.get(name)) * 1000);
            }
            return new ScaleUpLatency(samples);
        }
    }
}
