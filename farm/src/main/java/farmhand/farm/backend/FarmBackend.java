package farmhand.farm.backend;

import farmhand.farm.queue.FarmAccount;
import java.util.List;
import java.util.Optional;

/**
 * The seam between the environment and a farm: the discrete-event simulator and the live
 * Redis farm both implement it, and nothing else of theirs is visible to controllers.
 *
 * <p>All times are <em>model</em> seconds since the episode's {@code program_start_time}; a live
 * backend that compresses time converts internally. Calls are made by one controlling thread;
 * implementations need not be thread-safe.
 *
 * <p>Call order per episode: {@link #start}, then any sequence of {@link #scale},
 * {@link #advanceTo}, {@link #telemetry} and {@link #drainCollected}; {@link #close} at the end.
 */
public interface FarmBackend extends AutoCloseable {

    /** Short name for reports, for example {@code sim} or {@code live}. */
    String name();

    /**
     * Tears down any previous episode (queues emptied, functions removed), deploys
     * {@code spec.initialWorkers()} workers and starts the workload at model time 0.
     */
    void start(EpisodeSpec spec);

    /**
     * Changes the worker count by {@code delta} (bounds are the caller's business) and blocks
     * until the platform reports the change done, as the paper's environment does.
     *
     * @return the applied delta and the model seconds the call blocked
     */
    ScaleOutcome scale(int delta);

    /** Lets model time pass (the farm keeps running) until {@code modelSeconds}; no-op if already past. */
    void advanceTo(double modelSeconds);

    /** Current model time in seconds since the episode started. */
    double nowSeconds();

    /** A snapshot of queue lengths, worker count and counters, taken now. */
    Telemetry telemetry();

    /** Tasks collected since the previous call (or since {@link #start}), in collection order. */
    List<CompletedTask> drainCollected();

    /**
     * Where every task of the current episode went, measured by the backend (generated, collected,
     * dead-lettered, redelivered, lost), or empty when the backend keeps no such account.
     */
    default Optional<FarmAccount> account() {
        return Optional.empty();
    }

    /** What disturbed the current episode (Redis outages, crashes, a lost lease); clean by default. */
    default EpisodeHealth health() {
        return EpisodeHealth.CLEAN;
    }

    /** Releases everything the backend holds (functions, connections, threads). */
    @Override
    void close();
}
