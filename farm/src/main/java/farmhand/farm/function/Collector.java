package farmhand.farm.function;

import farmhand.farm.queue.DeadLetterReason;
import farmhand.farm.queue.Messages;
import farmhand.farm.queue.RedisQueues;
import farmhand.farm.queue.TaskMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * The collector function: takes results from {@code result_queue} with a reliable move into its own
 * processing list ({@link farmhand.farm.queue.QueueNames#collecting()}), records each task id once (a
 * duplicate after a recovery is dropped and counted) and appends the collected task with its collect
 * time to {@code output_queue}, emptying the processing list in the same atomic step; malformed results
 * and foreign results (another run's, or for a task this run never emitted) are dead-lettered with the
 * reason. A collector that dies between taking and recording loses nothing: the next one
 * records what it left. It records whatever waits in one batch (round trips per batch, not per
 * result). When idle it blocks on
 * {@code result_queue} for at most {@code pollSeconds} (model), so a result is collected as soon as it
 * arrives; the paper's prototype slept 0.1 s between empty polls instead, which the simulator models.
 */
public final class Collector implements FarmFunction {

    /** The collector's function name. */
    public static final String NAME = "collector";

    private final RedisQueues queues;
    private final FarmClock clock;
    /** Most results recorded per round trip. */
    private static final int BATCH = 256;

    private final double blockSeconds;

    /**
     * @param pollSeconds longest wait for a result before the TERMINATE flag is checked again, model
     *                    seconds, {@code > 0} (at least 1 ms of wall time is waited)
     */
    public Collector(RedisQueues queues, FarmClock clock, double pollSeconds) {
        if (!(pollSeconds > 0)) {
            throw new IllegalArgumentException("pollSeconds must be > 0, was " + pollSeconds);
        }
        this.queues = queues;
        this.clock = clock;
        this.blockSeconds = Math.max(0.001, pollSeconds / clock.compression());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run() throws InterruptedException {
        var names = queues.names();
        while (!Thread.currentThread().isInterrupted()) {
            String first = queues.awaitResult(blockSeconds);
            double firstAt = clock.nowSeconds();
            // take what else waits, so a busy collector pays its round trips per batch, not per result;
            // when idle this returns only what a crashed collector took and never recorded
            List<String> taken = queues.takeResults(first == null ? 0 : BATCH - 1);
            double takenAt = clock.nowSeconds();
            if (taken.isEmpty()) {
                // idle: the only moment the TERMINATE flag is read, so a busy collector drains first
                if (queues.terminateRequested()) {
                    return;
                }
                continue;
            }
            boolean firstStamped = first == null;
            List<RedisQueues.Collected> results = new ArrayList<>(taken.size());
            for (String raw : taken) {
                double now = takenAt;
                if (!firstStamped && raw.equals(first)) {
                    now = firstAt;
                    firstStamped = true;
                }
                TaskMessage result;
                try {
                    result = Messages.decode(raw);
                } catch (Messages.MalformedMessageException e) {
                    queues.deadLetter(raw, DeadLetterReason.MALFORMED, "collector: " + e.getMessage(), names.collecting());
                    continue;
                }
                if (!names.run().equals(result.run())) {
                    queues.deadLetter(raw, DeadLetterReason.FOREIGN_RUN, "collector: result " + result.id() + " of run '"
                            + result.run() + "', not of this run '" + names.run() + "'", names.collecting());
                    continue;
                }
                results.add(new RedisQueues.Collected(result.id(), Messages.encode(result.collected(now)), raw));
            }
            queues.collect(results);
        }
    }
}
