package farmhand.farm.function;

import farmhand.farm.queue.RedisQueues;
import farmhand.farm.queue.TaskMessage;
import farmhand.farm.workload.Task;
import farmhand.farm.workload.Workload;
import java.util.ArrayList;
import java.util.List;

/**
 * The emitter function: pushes the phase descriptors to {@code input_queue}, then plays the
 * workload, taking one descriptor as each phase starts and pushing every task to
 * {@code worker_queue} (with the enqueue counter) at its generation time. Sets the
 * generation-done flag at the end.
 *
 * <p>A redeployed emitter (the first one died) resumes where it stopped: the descriptors are pushed
 * once per episode, each push counts the task atomically ({@link RedisQueues#emit}), and the new one
 * skips what was pushed, so no task is lost or pushed twice. Tasks whose generation time passed while
 * no emitter ran are pushed at once, late.
 */
public final class Emitter implements FarmFunction {

    /** The emitter's function name. */
    public static final String NAME = "emitter";

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
        return NAME;
    }

    @Override
    public void run() throws InterruptedException {
        var names = queues.names();
        var redis = queues.client();
        int phases = workload.phaseOrder().size();
        List<String> descriptors = new ArrayList<>(phases);
        for (int p = 0; p < phases; p++) {
            descriptors.add("phase-" + workload.phaseOrder().get(p));
        }
        queues.pushPhaseDescriptors(descriptors);
        long alreadyEmitted = queues.emitted();
        // descriptors still waiting tell how many phases began (all of them on a first start: none taken)
        int nextPhase = phases - Math.toIntExact(queues.retry("count the phase descriptors", () -> redis.llen(names.input())));
        queues.retry("announce the emitter", () -> redis.lpush(names.emitterStart(), name()));
        List<Task> tasks = workload.tasks();
        for (int i = Math.toIntExact(alreadyEmitted); i < tasks.size(); i++) {
            Task task = tasks.get(i);
            while (nextPhase < phases && workload.phaseStartSeconds().get(nextPhase) <= task.generationSeconds()) {
                clock.sleepUntil(workload.phaseStartSeconds().get(nextPhase));
                queues.retry("take a phase descriptor", () -> redis.rpop(names.input()));
                nextPhase++;
            }
            clock.sleepUntil(task.generationSeconds());
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            queues.emit(TaskMessage.emitted(task, clock.nowSeconds()));
        }
        clock.sleepUntil(workload.generationEndSeconds());
        queues.retry("flag the end of generation", () -> redis.set(names.generationDone(), "1"));
    }
}
