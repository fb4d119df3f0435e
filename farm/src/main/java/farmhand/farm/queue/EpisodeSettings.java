package farmhand.farm.queue;

/**
 * What every function of an episode reads from Redis when it starts ({@link QueueNames#episode()}), so a
 * function in another process or container needs nothing but where the farm's Redis is and its run id. The
 * episode's model time 0 is not among them: it is fixed only once every initial function is up, and published
 * apart ({@link QueueNames#epoch()}, {@link RedisQueues#publishEpoch}).
 *
 * @param compression model seconds per wall second, {@code >= 1}
 * @param pollSeconds idle poll interval of workers and collector, model seconds, {@code > 0}
 * @param liveness heartbeats, visibility timeouts and delivery limits
 */
public record EpisodeSettings(double compression, double pollSeconds, LivenessSettings liveness) {

    public EpisodeSettings {
        if (!(compression >= 1) || !Double.isFinite(compression)) {
            throw new IllegalArgumentException("compression must be >= 1, was " + compression);
        }
        if (!(pollSeconds > 0) || !Double.isFinite(pollSeconds)) {
            throw new IllegalArgumentException("pollSeconds must be > 0, was " + pollSeconds);
        }
        if (liveness == null) {
            throw new IllegalArgumentException("liveness settings must be given");
        }
    }
}
