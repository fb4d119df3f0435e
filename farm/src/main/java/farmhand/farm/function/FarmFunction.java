package farmhand.farm.function;

/**
 * A long-running serverless function of the farm: invoked once, it loops until told to stop.
 * Implementations must return promptly when interrupted.
 */
public interface FarmFunction {

    /** The function's name, e.g. {@code worker-3}. */
    String name();

    /** The function body; returns when the function exits (ACKed a scale-down, got TERMINATE, or was interrupted). */
    void run() throws InterruptedException;
}
