package farmhand.farm.queue;

/**
 * Names of the farm's Redis keys (SPEC section 1), configurable so several farms can share a Redis.
 *
 * @param prefix prepended to every key ("" for the paper's names)
 */
public record QueueNames(String prefix) {

    /** The paper's names, no prefix. */
    public static final QueueNames PAPER = new QueueNames("");

    public QueueNames {
        if (prefix == null) {
            throw new IllegalArgumentException("prefix must not be null (use \"\")");
        }
    }

    public String input() {
        return prefix + "input_queue";
    }

    public String worker() {
        return prefix + "worker_queue";
    }

    public String result() {
        return prefix + "result_queue";
    }

    public String output() {
        return prefix + "output_queue";
    }

    /** The mirrored enqueue counter, incremented atomically with every push to {@link #worker()}. */
    public String enqueuedTotal() {
        return worker() + ":enqueued_total";
    }

    /** Malformed messages, each with the reason it was refused. */
    public String deadLetter() {
        return prefix + "dead_letter_queue";
    }

    /** The tasks a worker has taken and not yet finished (the reliable-queue pattern). */
    public String processing(String worker) {
        return prefix + "processing:" + worker;
    }

    /**
     * The results the collector has taken from {@code result_queue} and not yet recorded: its own
     * processing list, so a collector that dies between taking and recording loses nothing.
     */
    public String collecting() {
        return processing("collector");
    }

    public String workerStart() {
        return prefix + "worker_start_queue";
    }

    public String emitterStart() {
        return prefix + "emitter_start_queue";
    }

    public String collectorStart() {
        return prefix + "collector_start_queue";
    }

    public String workerControlSyn() {
        return prefix + "worker_control_syn_queue";
    }

    public String workerControlAck() {
        return prefix + "worker_control_ack_queue";
    }

    /** Set to 1 to TERMINATE every component. */
    public String terminate() {
        return prefix + "farm:terminate";
    }

    /** Task ids the collector has recorded (for duplicate detection after recovery). */
    public String collectedIds() {
        return prefix + "farm:collected_ids";
    }

    /** Duplicates the collector dropped. */
    public String duplicates() {
        return prefix + "farm:duplicates";
    }

    /** Tasks a reaper returned to the queue from a dead worker. */
    public String recovered() {
        return prefix + "farm:recovered";
    }

    /** Tasks the emitter has pushed this episode, so a redeployed emitter resumes after them. */
    public String emitted() {
        return prefix + "farm:emitted";
    }

    /** Set once the emitter has pushed the phase descriptors, so a redeployed one does not push them again. */
    public String descriptorsPushed() {
        return prefix + "farm:descriptors_pushed";
    }

    /** Set to 1 once the emitter has pushed every task. */
    public String generationDone() {
        return prefix + "farm:generation_done";
    }

    /** Every key above except per-worker processing lists (for cleanup). */
    public String[] all() {
        return new String[] {input(), worker(), result(), output(), enqueuedTotal(), deadLetter(), workerStart(),
            emitterStart(), collectorStart(), workerControlSyn(), workerControlAck(), terminate(), collectedIds(),
            duplicates(), recovered(), emitted(), descriptorsPushed(), generationDone()};
    }
}
