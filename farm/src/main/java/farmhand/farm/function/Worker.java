package farmhand.farm.function;

import farmhand.farm.queue.Messages;
import farmhand.farm.queue.RedisQueues;
import farmhand.farm.queue.TaskMessage;

/**
 * A worker function (SPEC section 1): announces START, then loops: TERMINATE flag, then the
 * control queue (a SCALE_DOWN makes it ACK with its name and exit), then a reliable take from
 * {@code worker_queue}, all three in one atomic round trip ({@link RedisQueues#workerStep}); it
 * sleeps {@code pollSeconds} (model) when there is nothing to do.
 * A malformed task is dead-lettered and the worker goes on.
 */
public final class Worker implements FarmFunction {

    /** The control message asking one worker to leave. */
    public static final String SCALE_DOWN = "SCALE_DOWN";

    private final String name;
    private final RedisQueues queues;
    private final FarmClock clock;
    private final TaskProcessor processor;
    private final double pollSeconds;

    public Worker(String name, RedisQueues queues, FarmClock clock, TaskProcessor processor, double pollSeconds) {
        this.name = name;
        this.queues = queues;
        this.clock = clock;
        this.processor = processor;
        this.pollSeconds = pollSeconds;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void run() throws InterruptedException {
        var names = queues.names();
        var redis = queues.client();
        queues.retry("announce " + name, () -> redis.lpush(names.workerStart(), name));
        while (!Thread.currentThread().isInterrupted()) {
            RedisQueues.WorkerStep step = queues.workerStep(name);
            switch (step.kind()) {
                case TERMINATE -> {
                    return;
                }
                case CONTROL -> {
                    if (SCALE_DOWN.equals(step.payload())) {
                        queues.retry("acknowledge scale-down", () -> redis.lpush(names.workerControlAck(), name));
                        return;
                    }
                    continue; // an unknown control message is dropped, as the prototype did
                }
                case IDLE -> {
                    clock.sleep(pollSeconds);
                    continue;
                }
                case TASK -> {
                    // processed below
                }
            }
            String raw = step.payload();
            TaskMessage task;
            try {
                task = Messages.decode(raw);
            } catch (Messages.MalformedMessageException e) {
                queues.deadLetter(raw, "worker " + name + ": " + e.getMessage(), names.processing(name));
                continue;
            }
            double start = clock.nowSeconds();
            processor.process(task, clock);
            queues.complete(name, raw, task.processed(name, start, clock.nowSeconds()));
        }
    }
}
