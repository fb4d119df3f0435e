package farmhand.farm.queue;

import java.util.List;

/**
 * Names of the farm's Redis keys (SPEC section 1). A farm owns a key {@code prefix} (several farms
 * share a Redis with different prefixes; one farm at a time holds a prefix, see {@link #lease()}),
 * and each episode's keys live under the prefix plus its run id, so an episode never touches another
 * run's keys and its keys can be removed as a whole.
 *
 * @param prefix prepended to every key ("" for the paper's names)
 * @param run the episode's run id ("" for the paper's names, no run)
 */
public record QueueNames(String prefix, String run) {

    /** The paper's names, no prefix, no run. */
    public static final QueueNames PAPER = new QueueNames("", "");

    public QueueNames {
        if (prefix == null) {
            throw new IllegalArgumentException("prefix must not be null (use \"\")");
        }
        if (run == null || !run.matches("[A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("run id must be letters, digits, '.', '_' or '-', was '" + run + "'");
        }
    }

    /** Names under {@code prefix} with no run (the paper's key names when the prefix is empty). */
    public QueueNames(String prefix) {
        this(prefix, "");
    }

    /** The same prefix for the episode {@code runId}. */
    public QueueNames forRun(String runId) {
        return new QueueNames(prefix, runId);
    }

    /** What every key of this run starts with. */
    public String runBase() {
        return run.isEmpty() ? prefix : prefix + "run:" + run + ":";
    }

    private String key(String name) {
        return runBase() + name;
    }

    /** The lease one live farm holds on the prefix while it runs (not per run). */
    public String lease() {
        return prefix + "farm:lease";
    }

    /** The runs started under this prefix, with when their keys may be removed (not per run). */
    public String runs() {
        return prefix + "farm:runs";
    }

    public String input() {
        return key("input_queue");
    }

    public String worker() {
        return key("worker_queue");
    }

    public String result() {
        return key("result_queue");
    }

    public String output() {
        return key("output_queue");
    }

    /** The mirrored enqueue counter, incremented atomically with every push to {@link #worker()}. */
    public String enqueuedTotal() {
        return worker() + ":enqueued_total";
    }

    /** Refused messages, each with the reason it was refused. */
    public String deadLetter() {
        return key("dead_letter_queue");
    }

    /** Dead-lettered messages counted by {@link DeadLetterReason} (a hash). */
    public String deadLetterCounts() {
        return key("farm:dead_lettered");
    }

    /** The tasks a function has taken and not yet finished (the reliable-queue pattern). */
    public String processing(String function) {
        return key("processing:" + function);
    }

    /** The names of every function that announced START this run (whose processing lists exist). */
    public String functions() {
        return key("farm:functions");
    }

    /**
     * The results the collector has taken from {@code result_queue} and not yet recorded: its own
     * processing list, so a collector that dies between taking and recording loses nothing.
     */
    public String collecting() {
        return processing("collector");
    }

    /** Per function, when it announced START on its own model clock (seconds; a hash). */
    public String startedAt() {
        return key("farm:started_at");
    }

    /** A function's heartbeat, renewed while it runs and expiring when it stops. */
    public String heartbeat(String function) {
        return key("heartbeat:" + function);
    }

    /** When each worker's held task stops being visible to it (a hash: worker -> Redis time, ms). */
    public String visibleUntil() {
        return key("farm:visible_until");
    }

    /** How many times each waiting or held task was delivered to a worker (a hash: raw message -> count). */
    public String deliveries() {
        return key("farm:deliveries");
    }

    /** The episode's settings every function reads at start ({@link EpisodeSettings}). */
    public String episode() {
        return key("farm:episode");
    }

    /**
     * The episode's model time 0 ({@code program_start_time}, nanoseconds since the Unix epoch), published apart
     * from the settings and only once every initial function announced START: absent until then.
     */
    public String epoch() {
        return key("farm:epoch");
    }

    /** The episode's workload, which the emitter plays. */
    public String workload() {
        return key("farm:workload");
    }

    public String workerStart() {
        return key("worker_start_queue");
    }

    public String emitterStart() {
        return key("emitter_start_queue");
    }

    public String collectorStart() {
        return key("collector_start_queue");
    }

    public String workerControlSyn() {
        return key("worker_control_syn_queue");
    }

    public String workerControlAck() {
        return key("worker_control_ack_queue");
    }

    /** Set to 1 to TERMINATE every component. */
    public String terminate() {
        return key("farm:terminate");
    }

    /** Task ids the collector has recorded (for duplicate detection after recovery). */
    public String collectedIds() {
        return key("farm:collected_ids");
    }

    /** Duplicates the collector dropped. */
    public String duplicates() {
        return key("farm:duplicates");
    }

    /** Tasks taken back from a dead or hung worker and delivered again. */
    public String redelivered() {
        return key("farm:redelivered");
    }

    /** Results a worker finished after its task had been taken back from it (dropped, counted). */
    public String staleCompletions() {
        return key("farm:stale_completions");
    }

    /** Tasks the emitter has pushed this episode, so a redeployed emitter resumes after them. */
    public String emitted() {
        return key("farm:emitted");
    }

    /** Set once the emitter has pushed the phase descriptors, so a redeployed one does not push them again. */
    public String descriptorsPushed() {
        return key("farm:descriptors_pushed");
    }

    /** Set to 1 once the emitter has pushed every task. */
    public String generationDone() {
        return key("farm:generation_done");
    }

    /**
     * Names of functions asked for but not yet running, for replicas that start without a name (OpenFaaS's
     * {@code replicas} layout): each new replica takes one ({@code LPOP}), so every replica runs under a name
     * of its own.
     */
    public String namesToClaim() {
        return key("farm:names_to_claim");
    }

    /** Every fixed key of the run (processing lists and heartbeats are found through {@link #functions()}). */
    public List<String> all() {
        return List.of(input(), worker(), result(), output(), enqueuedTotal(), deadLetter(), deadLetterCounts(),
                functions(), visibleUntil(), deliveries(), episode(), epoch(), workload(), workerStart(), emitterStart(),
                collectorStart(), workerControlSyn(), workerControlAck(), terminate(), collectedIds(), duplicates(),
                redelivered(), staleCompletions(), emitted(), descriptorsPushed(), generationDone(), namesToClaim());
    }
}
