package farmhand.farm.workload;

/**
 * One unit of work of the farm: an image to process, generated at a known model time.
 *
 * <p>All times are model seconds relative to the episode's {@code program_start_time}.
 *
 * @param id unique within an episode, {@code >= 0}, in generation order
 * @param phase 1-based index of the canonical phase that generated the task (1..4)
 * @param generationSeconds model time the task was generated, {@code >= 0}
 * @param expectedSeconds expected processing time from the service-time model, {@code > 0}
 * @param imageSizePx image side in px
 * @param deadlineSeconds relative deadline: the task meets QoS iff completion time {@code <=} this
 * @param serviceSeconds the processing time a worker emulates (equal to {@code expectedSeconds} here)
 */
public record Task(int id, int phase, double generationSeconds, double expectedSeconds,
                   int imageSizePx, double deadlineSeconds, double serviceSeconds) {

    public Task {
        if (id < 0) {
            throw new IllegalArgumentException("task id must be >= 0, was " + id);
        }
        if (!(serviceSeconds > 0) || !(deadlineSeconds > 0) || !(generationSeconds >= 0)) {
            throw new IllegalArgumentException("task " + id + " has a non-positive time: service="
                    + serviceSeconds + " deadline=" + deadlineSeconds + " generation=" + generationSeconds);
        }
    }

    /** True iff a task collected {@code completionSeconds} after generation met its deadline. */
    public boolean meetsDeadline(double completionSeconds) {
        return completionSeconds <= deadlineSeconds;
    }
}
