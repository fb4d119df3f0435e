package farmhand.farm.queue;

/** Why a message went to the dead-letter queue. Only {@link #MAX_DELIVERIES} is one of the run's own tasks. */
public enum DeadLetterReason {
    /** Not a message of the farm's format. */
    MALFORMED,
    /** A well-formed message of another run (another farm, or an earlier episode). */
    FOREIGN_RUN,
    /** A result of this run for a task the emitter never pushed. */
    UNKNOWN_TASK,
    /** One of this run's tasks, delivered to workers as often as allowed and never finished. */
    MAX_DELIVERIES
}
