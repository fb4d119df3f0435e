package farmhand.reproduction.scaling;

import java.util.Map;

/**
 * What the Docker platform's containers cost and how long their scale-ups took, stage by stage.
 *
 * @param image the function image
 * @param memoryLimitMiB each container's memory limit (0: none)
 * @param workerMemoryMiBByWorkers per farm size N, the mean memory the engine accounts to a worker
 *                                 container when the batch has drained (page cache excluded)
 * @param scaleUpStagesMillis per stage of a scale-up (request to {@code running}, {@code healthy},
 *                            {@code invoked}), its p50 and p95 in wall milliseconds, over the measured scale-ups
 */
public record ContainerMeasurements(String image, long memoryLimitMiB, Map<Integer, Double> workerMemoryMiBByWorkers,
                                    Map<String, double[]> scaleUpStagesMillis) {

    public ContainerMeasurements {
        workerMemoryMiBByWorkers = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(workerMemoryMiBByWorkers));
        scaleUpStagesMillis = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(scaleUpStagesMillis));
    }
}
