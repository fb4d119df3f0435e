package farmhand.controllers.policy.industry;

import farmhand.controllers.env.Observation;
import farmhand.controllers.env.StepInfo;

/**
 * The farm's counterparts of the signals deployed autoscalers read, computed from what the
 * environment shows (observation and step info).
 */
public final class FarmSignals {

    private FarmSignals() {
    }

    /**
     * Tasks a worker is processing now: enqueued so far minus those waiting, with their result waiting
     * for the collector, and collected (each worker takes one task at a time).
     */
    public static double inService(Observation o, StepInfo info) {
        return Math.max(0, info.enqueuedTotal() - (o.workerQueue() + o.resultQueue() + o.outputQueue()));
    }

    /** Requests in flight, as a per-pod proxy counts them: in service plus waiting for a worker. */
    public static double inFlight(Observation o, StepInfo info) {
        return inService(o, info) + o.workerQueue();
    }

    /** The Redis list the workers pop from: its length, as {@code LLEN} reports it. */
    public static double listLength(Observation o) {
        return o.workerQueue();
    }
}
