package farmhand.farm.backend;

import java.util.Locale;

/**
 * What disturbed an episode of a live farm, beyond the work itself: Redis retries and outages, functions
 * that crashed or hung (recovered), foreign entries met, a lost lease. An episode whose Redis outage was
 * longer than a control step, whose farm lost its lease, or whose model time 0 was published more than
 * {@link #LATE_START_TOLERANCE_SECONDS} model seconds after it came (the live farm fixes it once every initial
 * function announced START; published late, the first tasks were pushed and taken late), is {@linkplain #disturbedReason disturbed}: its numbers measure the fault, not the policy.
 *
 * @param redisFailedAttempts Redis calls that failed and were retried
 * @param redisOutages calls that needed at least one retry
 * @param longestOutageModelSeconds the longest one call waited for Redis, model seconds
 * @param crashes functions found dead and replaced
 * @param hung workers that held a task past its visibility timeout and were replaced
 * @param foreignOutputs entries of {@code output_queue} that were not the farm's (skipped)
 * @param leaseLostTo who took the farm's lease on its prefix during the episode, or null
 * @param lateStartModelSeconds how far past model time 0 the episode's model time 0 was published to its
 *                              functions (0 when in time), model seconds
 */
public record EpisodeHealth(long redisFailedAttempts, long redisOutages, double longestOutageModelSeconds, int crashes,
                            int hung, long foreignOutputs, String leaseLostTo, double lateStartModelSeconds) {

    /** Nothing happened (the simulator's episodes). */
    public static final EpisodeHealth CLEAN = new EpisodeHealth(0, 0, 0, 0, 0, 0, null, 0);

    /**
     * A start later than this (model seconds) disturbs an episode: the shortest task's deadline leaves it
     * about 0.3 s of waiting, so the tasks of the first second would miss it.
     */
    public static final double LATE_START_TOLERANCE_SECONDS = 1.0;

    /** The same without a late start (an episode's health before its start is known). */
    public EpisodeHealth(long redisFailedAttempts, long redisOutages, double longestOutageModelSeconds, int crashes,
                         int hung, long foreignOutputs, String leaseLostTo) {
        this(redisFailedAttempts, redisOutages, longestOutageModelSeconds, crashes, hung, foreignOutputs, leaseLostTo, 0);
    }

    /**
     * Why the episode's results cannot be trusted as a measurement of the policy, or null when they can.
     *
     * @param stepSeconds the control step, model seconds
     */
    public String disturbedReason(double stepSeconds) {
        if (leaseLostTo != null) {
            return "another farm took the lease on the queue prefix (" + leaseLostTo + ")";
        }
        if (longestOutageModelSeconds > stepSeconds) {
            return String.format(Locale.ROOT, "Redis was unreachable for %.1f model s, longer than a control step "
                    + "(%.1f s): %d failed call(s) retried", longestOutageModelSeconds, stepSeconds, redisFailedAttempts);
        }
        if (lateStartModelSeconds > LATE_START_TOLERANCE_SECONDS) {
            return String.format(Locale.ROOT, "model time 0 was published to the functions %.1f model s after it came: "
                    + "the first tasks were pushed late",
                    lateStartModelSeconds);
        }
        return null;
    }
}
