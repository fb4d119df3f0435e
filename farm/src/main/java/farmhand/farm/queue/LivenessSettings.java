package farmhand.farm.queue;

/**
 * How the farm tells a dead or hung function from a busy one, across processes (Sidekiq's heartbeats
 * and Celery's visibility timeout, in Redis): every function renews a heartbeat; a task a worker holds
 * longer than its visibility timeout, or held by a function whose heartbeat expired, is taken back and
 * delivered again, at most {@code maxDeliveries} times, then dead-lettered.
 *
 * @param heartbeatIntervalSeconds how often a function renews its heartbeat, wall seconds, {@code > 0}
 * @param heartbeatTimeoutSeconds a heartbeat not renewed for this long means the function is gone, wall
 *                                seconds, more than twice the interval
 * @param visibilityDeadlines a held task's visibility timeout in multiples of its deadline, {@code >= 1}
 * @param minVisibilitySeconds the shortest visibility timeout, model seconds, {@code > 0}; at least one wall
 *                             second is always allowed
 * @param maxDeliveries deliveries of one task before it is dead-lettered, {@code >= 1}
 */
public record LivenessSettings(double heartbeatIntervalSeconds, double heartbeatTimeoutSeconds,
                               double visibilityDeadlines, double minVisibilitySeconds, int maxDeliveries) {

    /** Heartbeat every 0.5 s, gone after 3 s; visibility 4 deadlines (at least 10 model s); 3 deliveries. */
    public static final LivenessSettings DEFAULTS = new LivenessSettings(0.5, 3.0, 4.0, 10.0, 3);

    public LivenessSettings {
        if (!(heartbeatIntervalSeconds > 0) || !Double.isFinite(heartbeatIntervalSeconds)) {
            throw new IllegalArgumentException("heartbeatIntervalSeconds must be > 0, was " + heartbeatIntervalSeconds);
        }
        if (!(heartbeatTimeoutSeconds > 2 * heartbeatIntervalSeconds) || !Double.isFinite(heartbeatTimeoutSeconds)) {
            throw new IllegalArgumentException("heartbeatTimeoutSeconds must be more than twice the interval ("
                    + heartbeatIntervalSeconds + " s), was " + heartbeatTimeoutSeconds);
        }
        if (!(visibilityDeadlines >= 1) || !Double.isFinite(visibilityDeadlines)) {
            throw new IllegalArgumentException("visibilityDeadlines must be >= 1, was " + visibilityDeadlines);
        }
        if (!(minVisibilitySeconds > 0) || !Double.isFinite(minVisibilitySeconds)) {
            throw new IllegalArgumentException("minVisibilitySeconds must be > 0, was " + minVisibilitySeconds);
        }
        if (maxDeliveries < 1) {
            throw new IllegalArgumentException("maxDeliveries must be >= 1, was " + maxDeliveries);
        }
    }

    /** The heartbeat's time to live, milliseconds. */
    public long heartbeatTtlMillis() {
        return Math.round(heartbeatTimeoutSeconds * 1000);
    }
}
