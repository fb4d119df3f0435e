package farmhand.farm.function;

import farmhand.farm.queue.Messages;
import farmhand.farm.queue.RedisQueues;
import farmhand.farm.queue.TaskMessage;

/**
 * The collector function: pops {@code result_queue}, records each task id once (a duplicate after
 * a recovery is dropped and counted), and appends the collected task with its collect time to
 * {@code output_queue}; malformed results are dead-lettered. Sleeps {@code pollSeconds} when idle.
 */
public final class Collector implements FarmFunction {

    private final RedisQueues queues;
    private final FarmClock clock;
    private final double pollSeconds;

    public Collector(RedisQueues queues, FarmClock clock, double pollSeconds) {
        this.queues = queues;
        this.clock = clock;
        this.pollSeconds = pollSeconds;
    }

    @Override
    public String name() {
        return "collector";
    }

    @Override
    public void run() throws InterruptedException {
        var names = queues.names();
        var redis = queues.client();
        queues.retry("announce the collector", () -> redis.lpush(names.collectorStart(), name()));
        while (!Thread.currentThread().isInterrupted()) {
            if ("1".equals(queues.retry("read the terminate flag", () -> redis.get(names.terminate())))) {
                return;
            }
            String raw = queues.retry("pop a result", () -> redis.rpop(names.result()));
            if (raw == null) {
                clock.sleep(pollSeconds);
                continue;
            }
            TaskMessage result;
            try {
                result = Messages.decode(raw);
            } catch (Messages.MalformedMessageException e) {
                queues.deadLetter(raw, "collector: " + e.getMessage(), null);
                continue;
            }
            long added = queues.retry("record task " + result.id(),
                    () -> redis.sadd(names.collectedIds(), Integer.toString(result.id())));
            if (added == 0) {
                queues.retry("count a duplicate", () -> redis.incr(names.duplicates()));
                continue;
            }
            String out = Messages.encode(result.collected(clock.nowSeconds()));
            queues.retry("append task " + result.id() + " to the output", () -> redis.rpush(names.output(), out));
        }
    }
}
