package farmhand.farm.function;

import farmhand.farm.queue.TaskMessage;

/** What a worker does with a task. The paper emulates processing by sleeping the service time. */
@FunctionalInterface
public interface TaskProcessor {

    /** Processes {@code task}; {@code clock} gives model time. */
    void process(TaskMessage task, FarmClock clock) throws InterruptedException;

    /** Sleeps the task's service time (model seconds, compressed by the clock). */
    static TaskProcessor sleeping() {
        return (task, clock) -> clock.sleep(task.serviceSeconds());
    }
}
