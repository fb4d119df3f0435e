package farmhand.farm.backend;

/**
 * A task as the collector recorded it. Times are model seconds since program start.
 *
 * @param taskId the task's id
 * @param phase canonical 1-based phase that generated it
 * @param generationSeconds when it was generated
 * @param workStartSeconds when a worker took it
 * @param collectSeconds when the collector recorded it
 * @param serviceSeconds processing time the worker spent (emulated)
 * @param deadlineSeconds its relative deadline
 * @param worker name of the worker function that processed it, or null where the backend does not
 *               name workers (the simulator)
 */
public record CompletedTask(int taskId, int phase, double generationSeconds, double workStartSeconds,
                            double collectSeconds, double serviceSeconds, double deadlineSeconds, String worker) {

    /** End-to-end completion time: collect minus generation, in seconds. */
    public double completionSeconds() {
        return collectSeconds - generationSeconds;
    }

    /** Time spent waiting in {@code worker_queue}, in seconds. */
    public double queueWaitSeconds() {
        return workStartSeconds - generationSeconds;
    }

    /**
     * Time the farm's data path added: completion minus service time minus queue wait, i.e. from the
     * end of processing to collection (result push, result queue, collector), in seconds.
     */
    public double dataPathSeconds() {
        return collectSeconds - workStartSeconds - serviceSeconds;
    }

    /** True iff the completion time is within the deadline (the QoS flag). */
    public boolean metDeadline() {
        return completionSeconds() <= deadlineSeconds;
    }
}
