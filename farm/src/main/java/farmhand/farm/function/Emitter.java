package farmhand.farm.function;

import farmhand.farm.queue.RedisQueues;
import farmhand.farm.queue.TaskMessage;
import farmhand.farm.workload.Task;
import farmhand.farm.workload.Workload;

/**
 * The emitter function: pushes the phase descriptors to {@code input_queue}, then plays the
 * workload, taking one descriptor as each phase starts and pushing every task to
 * {@code worker_queue} (with the enqueue counter) at its generation time. Sets the
 * generation-done flag at the end.
 */
public final class Emitter implements FarmFunction {

    private final RedisQueues queues;
    private final FarmClock clock;
    private final Workload workload;

    public Emitter(RedisQueues queues, FarmClock clock, Workload workload) {
        this.queues = queues;
        this.clock = clock;
        this.workload = workload;
    }

    @Override
    public String name() {
        return "emitter";
    }

    @Override
    public void run() throws InterruptedException {
        var names = queues.names();
        var redis = queues.client();
        int phases = workload.phaseOrder().size();
        for (int p = 0; p < phases; p++) {
            String descriptor = "phase-" + workload.phaseOrder().get(p);
            queues.retry("push a phase descriptor", () -> redis.lpush(names.input(), descriptor));
        }
        queues.retry("announce the emitter", () -> redis.lpush(names.emitterStart(), name()));
        int nextPhase = 0;
        for (Task task : workload.tasks()) {
            while (nextPhase < phases && workload.phaseStartSeconds().get(nextPhase) <= task.generationSeconds()) {
                clock.sleepUntil(workload.phaseStartSeconds().get(nextPhase));
                queues.retry("take a phase descriptor", () -> redis.rpop(names.input()));
                nextPhase++;
            }
            clock.sleepUntil(task.generationSeconds());
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            queues.enqueue(TaskMessage.emitted(task, clock.nowSeconds()));
        }
        clock.sleepUntil(workload.generationEndSeconds());
        queues.retry("flag the end of generation", () -> redis.set(names.generationDone(), "1"));
    }
}
