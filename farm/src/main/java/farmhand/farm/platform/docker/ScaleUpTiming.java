package farmhand.farm.platform.docker;

/**
 * When one container was asked for and how far it got, in {@link System#nanoTime()} nanoseconds:
 * the request (deploy called), the container running (the engine's start returned), the function
 * serving its health path, and the invocation that starts its loop sent (the function may announce START
 * on the farm's queues before the invocation's answer comes back, so the answer is no stage's end). An initial deployment starts its loop by itself:
 * its healthy and invoked times are its running time.
 *
 * @param name the function
 * @param initial true for the episode's initial deployment, false for a scale-up or replacement
 */
public record ScaleUpTiming(String name, boolean initial, long requestNanos, long runningNanos, long healthyNanos,
        long invokedNanos) {

    /** Seconds from the request to the container running. */
    public double runningSeconds() {
        return (runningNanos - requestNanos) / 1e9;
    }

    /** Seconds from the request to the function serving its health path (the JVM started). */
    public double healthySeconds() {
        return (healthyNanos - requestNanos) / 1e9;
    }

    /** Seconds from the request to the invocation that starts the loop sent. */
    public double invokedSeconds() {
        return (invokedNanos - requestNanos) / 1e9;
    }
}
