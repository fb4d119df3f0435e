package farmhand.farm.backend;

/**
 * A snapshot of the farm (SPEC sections 1 and 3). Queue lengths are Redis list lengths (or their
 * simulated equivalents).
 *
 * @param nowSeconds model time of the snapshot
 * @param inputQueue phase descriptors not yet taken (3..0 for the paper's workload)
 * @param workerQueue tasks waiting for a worker
 * @param resultQueue results waiting for the collector
 * @param outputQueue tasks collected so far
 * @param workers worker functions deployed (including any still starting)
 * @param enqueuedTotal the mirrored enqueue counter: tasks ever pushed to {@code worker_queue}
 * @param totalTasks tasks the episode's workload will generate
 * @param generationDone true once every phase has been generated
 * @param deadLettered messages moved to the dead-letter queue this episode
 * @param lost tasks known lost (with a reason logged by the backend); 0 in a healthy run
 */
public record Telemetry(double nowSeconds, int inputQueue, int workerQueue, int resultQueue,
                        int outputQueue, int workers, long enqueuedTotal, int totalTasks,
                        boolean generationDone, int deadLettered, int lost) {

    /** True once every task has been generated and collected (or accounted for) and the queues are empty. */
    public boolean drained() {
        return generationDone && inputQueue == 0 && workerQueue == 0 && resultQueue == 0
                && outputQueue + deadLettered + lost >= totalTasks;
    }
}
