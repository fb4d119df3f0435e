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

    /**
     * @param queues the run's queues
     * @param clock the episode's model clock
     * @param workload what to play
     */
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
        String run = queues.names().run();
        int phases = workload.phaseOrder().size();
        List<String> descriptors = new ArrayList<>(phases);
        for (int p = 0; p < phases; p++) {
            descriptors.add("phase-" + workload.phaseOrder().get(p));
        }
        queues.pushPhaseDescriptors(descriptors);
        long alreadyEmitted = queues.emitted();
        // descriptors still waiting tell how many phases began (all of them on a first start: none taken)
        int nextPhase = phases - Math.toIntExact(queues.phaseDescriptorsLeft());
        List<Task> tasks = workload.tasks();
        for (int i = Math.toIntExact(alreadyEmitted); i < tasks.size(); i++) {
            Task task = tasks.get(i);
            while (nextPhase < phases && workload.phaseStartSeconds().get(nextPhase) <= task.generationSeconds()) {
                clock.sleepUntil(workload.phaseStartSeconds().get(nextPhase));
                queues.takePhaseDescriptor();
                nextPhase++;
            }
            clock.sleepUntil(task.generationSeconds());
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            if (queues.emit(TaskMessage.emitted(run, task, clock.nowSeconds())) == RedisQueues.RUN_REMOVED) {
                return; // the run is over: nothing more is pushed
            }
        }
        clock.sleepUntil(workload.generationEndSeconds());
        queues.markGenerationDone();
    }
}
