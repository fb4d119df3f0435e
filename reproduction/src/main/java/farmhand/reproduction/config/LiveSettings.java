package farmhand.reproduction.config;

import farmhand.farm.queue.QueueNames;

/**
 * The live farm's own parameters (the Redis URL and the time compression are command-line options).
 *
 * @param queuePrefix prepended to every Redis key of the farm, so several farms (or other users) can
 *                    share one Redis; {@code ""} (default) gives the paper's names ({@code worker_queue},
 *                    ...); letters, digits and {@code : _ - .} only
 * @param pollSeconds how long an idle worker or collector waits on an empty queue before it looks at
 *                    its control queue again, model seconds, in (0, 10] (paper: 0.1)
 */
public record LiveSettings(String queuePrefix, double pollSeconds) {

    public LiveSettings {
        if (queuePrefix == null || !queuePrefix.matches("[A-Za-z0-9:_.-]*")) {
            throw new IllegalArgumentException("queuePrefix may hold only letters, digits and ':_-.', was '"
                    + queuePrefix + "'");
        }
        if (!(pollSeconds > 0 && pollSeconds <= 10)) {
            throw new IllegalArgumentException("pollSeconds must be in (0, 10], was " + pollSeconds);
        }
    }

    /** The paper's names (no prefix) and its 0.1 s poll. */
    public static LiveSettings paper() {
        return new LiveSettings("", 0.1);
    }

    /** The farm's Redis key names. */
    public QueueNames queueNames() {
        return new QueueNames(queuePrefix);
    }
}
