package farmhand.farm.backend;

import farmhand.farm.workload.Workload;
import java.util.Objects;

/**
 * What a backend needs to run one episode.
 *
 * @param workload the task stream to play, generated from {@code seed}
 * @param initialWorkers workers deployed before the first step, {@code >= 1}
 * @param seed seeds the backend's own random choices (platform latencies), independent of the workload's
 */
public record EpisodeSpec(Workload workload, int initialWorkers, long seed) {

    public EpisodeSpec {
        Objects.requireNonNull(workload, "workload");
        if (initialWorkers < 1) {
            throw new IllegalArgumentException("initialWorkers must be >= 1, was " + initialWorkers);
        }
    }
}
