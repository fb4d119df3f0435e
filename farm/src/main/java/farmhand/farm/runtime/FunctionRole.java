package farmhand.farm.runtime;

/** The three kinds of function of a farm skeleton. */
public enum FunctionRole {
    /** Plays the workload into {@code worker_queue}. */
    EMITTER,
    /** Takes tasks, processes them, pushes results. */
    WORKER,
    /** Records results into {@code output_queue}. */
    COLLECTOR
}
