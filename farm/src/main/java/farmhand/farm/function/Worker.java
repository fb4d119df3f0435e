package farmhand.farm.function;

import farmhand.farm.queue.DeadLetterReason;
import farmhand.farm.queue.EpisodeSettings;
import farmhand.farm.queue.Messages;
import farmhand.farm.queue.RedisQueues;
import farmhand.farm.queue.TaskMessage;

/**
 * A worker function (SPEC section 1; its runner announced START for it): loops: TERMINATE flag, then the
 * control queue (a SCALE_DOWN makes it ACK with its name and exit), then a reliable take from
 * {@code worker_queue}, all three in one atomic round trip ({@link RedisQueues#workerStep}); it
 * sleeps {@code pollSeconds} (model) when there is nothing to do.
 * A malformed task, or one of another run, is dead-lettered and the worker goes on. The take counts the
 * task's delivery and sets its visibility timeout; a task taken back meanwhile (the worker was thought
 * hung) is not pushed twice ({@link RedisQueues#complete}).
 */
public final class Worker implements FarmFunction {

    /** The control message asking one worker to leave. */
    public static final String SCALE_DOWN = "SCALE_DOWN";

    private final String name;
    private final RedisQueues queues;
    private final FarmClock clock;
    private final TaskProcessor processor;
    private final EpisodeSettings episode;

    /**
     * @param name {@code worker-<index>}
     * @param queues the run's queues
     * @param clock the episode's model clock
     * @param processor what processing a task means (sleeping its service time, as the paper did)
     * @param episode poll interval, visibility timeout and heartbeat settings
     */
    public Worker(String name, RedisQueues queues, FarmClock clock, TaskProcessor processor, EpisodeSettings episode) {
        this.name = name;
        this.queues = queues;
        this.clock = clock;
        this.processor = processor;
        this.episode = episode;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void run() throws InterruptedException {
        var names = queues.names();
        while (!Thread.currentThread().isInterrupted()) {
            RedisQueues.WorkerStep step = queues.workerStep(name, episode);
            switch (step.kind()) {
                case TERMINATE -> {
                    return;
                }
                case CONTROL -> {
                    if (SCALE_DOWN.equals(step.payload())) {
                        queues.acknowledgeScaleDown(name);
                        return;
                    }
                    continue; // an unknown control message is dropped, as the prototype did
                }
                case IDLE -> {
                    clock.sleep(episode.pollSeconds());
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
                queues.deadLetter(raw, DeadLetterReason.MALFORMED, name + ": " + e.getMessage(), names.processing(name));
                continue;
            }
            if (!names.run().equals(task.run())) {
                queues.deadLetter(raw, DeadLetterReason.FOREIGN_RUN, name + ": task " + task.id() + " of run '"
                        + task.run() + "', not of this run '" + names.run() + "'", names.processing(name));
                continue;
            }
            double start = clock.nowSeconds();
            processor.process(task, clock);
            queues.complete(name, raw, task.processed(name, start, clock.nowSeconds()));
        }
    }
}
