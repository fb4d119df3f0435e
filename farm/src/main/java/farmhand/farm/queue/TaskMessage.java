package farmhand.farm.queue;

import farmhand.farm.workload.Task;

/**
 * A task as it travels through the queues, then as a result and as a collected output. Times are
 * model seconds since program start; fields not yet known are NaN.
 *
 * @param run the run id of the episode that generated it (messages of another run are refused)
 * @param id task id
 * @param phase canonical phase
 * @param generationSeconds generation time
 * @param expectedSeconds expected processing time
 * @param imageSizePx image side
 * @param deadlineSeconds relative deadline
 * @param serviceSeconds processing time to emulate
 * @param emitSeconds when the emitter pushed it
 * @param worker the worker that processed it, or null
 * @param workStartSeconds when the worker took it
 * @param workEndSeconds when the worker finished it
 * @param collectSeconds when the collector recorded it
 */
public record TaskMessage(String run, int id, int phase, double generationSeconds, double expectedSeconds, int imageSizePx,
                          double deadlineSeconds, double serviceSeconds, double emitSeconds, String worker,
                          double workStartSeconds, double workEndSeconds, double collectSeconds) {

    /** The message the emitter of run {@code run} pushes for {@code task} at {@code emitSeconds}. */
    public static TaskMessage emitted(String run, Task task, double emitSeconds) {
        return new TaskMessage(run, task.id(), task.phase(), task.generationSeconds(), task.expectedSeconds(),
                task.imageSizePx(), task.deadlineSeconds(), task.serviceSeconds(), emitSeconds, null,
                Double.NaN, Double.NaN, Double.NaN);
    }

    /** This task as processed by {@code name} from {@code start} to {@code end}. */
    public TaskMessage processed(String name, double start, double end) {
        return new TaskMessage(run, id, phase, generationSeconds, expectedSeconds, imageSizePx, deadlineSeconds,
                serviceSeconds, emitSeconds, name, start, end, Double.NaN);
    }

    /** This result as collected at {@code at}. */
    public TaskMessage collected(double at) {
        return new TaskMessage(run, id, phase, generationSeconds, expectedSeconds, imageSizePx, deadlineSeconds,
                serviceSeconds, emitSeconds, worker, workStartSeconds, workEndSeconds, at);
    }
}
