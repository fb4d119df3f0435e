package farmhand.farm.platform.openfaas;

/**
 * OpenFaaS's queue-worker, which runs the async invocations: the CE queue-worker runs {@code maxInflight}
 * (1 by default, chart {@code queueWorker.maxInflight}) at a time, and every farm function's loop is one
 * long-running invocation, so the paper kept a replica per running function (workers + emitter + collector).
 * Implemented over the Kubernetes API outside this module (the function image stays free of a Kubernetes
 * client); not needed when the chart's {@code queueWorker.replicas} is N_max + 2.
 */
public interface QueueWorker extends AutoCloseable {

    /** Sets the queue-worker's replicas to {@code replicas} (at least 1). */
    void scaleTo(int replicas);

    @Override
    default void close() {
    }
}
