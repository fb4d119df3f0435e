package farmhand.farm.live;

import farmhand.farm.queue.LivenessSettings;
import farmhand.farm.queue.QueueNames;
import farmhand.farm.queue.RedisEndpoint;
import java.time.Duration;

/**
 * How a live farm is set up: which Redis (or a private {@code redis-server}), its key prefix, poll
 * interval, time compression and liveness settings. Immutable; change a copy with the {@code with...}
 * methods, each of which checks its argument.
 *
 * @param redis the farm's Redis, or null for a private {@code redis-server} started with the farm
 * @param names the farm's key prefix (no run: each episode gets its own)
 * @param pollSeconds idle poll interval of workers and collector, model seconds, {@code > 0} (paper: 0.1)
 * @param compression model seconds per wall second, {@code >= 1}
 * @param liveness heartbeats, visibility timeouts, delivery limit
 * @param redisGiveUp how long a Redis call is retried before the run fails
 * @param leaseTtl how long the farm's lease on its prefix lives without renewal
 */
public record LiveFarmOptions(RedisEndpoint redis, QueueNames names, double pollSeconds, double compression,
                              LivenessSettings liveness, Duration redisGiveUp, Duration leaseTtl) {

    public LiveFarmOptions {
        if (names == null || !names.run().isEmpty()) {
            throw new IllegalArgumentException("the farm's key names must be a prefix with no run, were " + names);
        }
        if (!(pollSeconds > 0) || !Double.isFinite(pollSeconds)) {
            throw new IllegalArgumentException("pollSeconds must be > 0, was " + pollSeconds);
        }
        if (!(compression >= 1) || !Double.isFinite(compression)) {
            throw new IllegalArgumentException("time compression must be >= 1, was " + compression);
        }
        if (liveness == null) {
            throw new IllegalArgumentException("liveness settings must be given");
        }
        if (redisGiveUp == null || redisGiveUp.isNegative() || redisGiveUp.isZero()) {
            throw new IllegalArgumentException("redisGiveUp must be positive, was " + redisGiveUp);
        }
        if (leaseTtl == null || leaseTtl.toMillis() < 100) {
            throw new IllegalArgumentException("leaseTtl must be at least 100 ms, was " + leaseTtl);
        }
    }

    /** A private Redis, the paper's key names, poll 0.1 s, the given compression, default liveness. */
    public static LiveFarmOptions defaults(double compression) {
        return new LiveFarmOptions(null, QueueNames.PAPER, 0.1, compression, LivenessSettings.DEFAULTS,
                Duration.ofSeconds(30), Duration.ofSeconds(10));
    }

    /** On the Redis at {@code endpoint} (null: a private one). */
    public LiveFarmOptions withRedis(RedisEndpoint endpoint) {
        return new LiveFarmOptions(endpoint, names, pollSeconds, compression, liveness, redisGiveUp, leaseTtl);
    }

    /** Under key prefix {@code prefix}. */
    public LiveFarmOptions withPrefix(String prefix) {
        return new LiveFarmOptions(redis, new QueueNames(prefix), pollSeconds, compression, liveness, redisGiveUp,
                leaseTtl);
    }

    public LiveFarmOptions withPollSeconds(double seconds) {
        return new LiveFarmOptions(redis, names, seconds, compression, liveness, redisGiveUp, leaseTtl);
    }

    public LiveFarmOptions withLiveness(LivenessSettings settings) {
        return new LiveFarmOptions(redis, names, pollSeconds, compression, settings, redisGiveUp, leaseTtl);
    }

    public LiveFarmOptions withRedisGiveUp(Duration giveUp) {
        return new LiveFarmOptions(redis, names, pollSeconds, compression, liveness, giveUp, leaseTtl);
    }
}
