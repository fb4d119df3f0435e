package farmhand.farm.backend;

import java.util.Locale;

/**
 * What disturbed an episode of a live farm, beyond the work itself: Redis retries and outages, functions
 * that crashed or hung (recovered), foreign entries met, a lost lease. An episode whose Redis outage was
 * longer than a control step, or whose farm lost its lease, is {@linkplain #disturbedReason disturbed}: its
 * numbers measure the fault, not the policy.
 *
 * @param redisFailedAttempts Redis calls that failed and were retried
 * @param redisOutages calls that needed at least one retry
 * @param longestOutageModelSeconds the longest one call waited for Redis, model seconds
 * @param crashes functions found dead and replaced
 * @param hung workers that held a task past its visibility timeout and were replaced
 * @param foreignOutputs entries of {@code output_queue} that were not the farm's (skipped)
 * @param leaseLostTo who took the farm's lease on its prefix during the episode, or null
 */
public record EpisodeHealth(long redisFailedAttempts, long redisOutages, double longestOutageModelSeconds, int crashes,
                            int hung, long foreignOutputs, String leaseLostTo) {

    /** Nothing happened (the simulator's episodes). */
    public static final EpisodeHealth CLEAN = new EpisodeHealth(0, 0, 0, 0, 0, 0, null);

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
        return null;
    }
}
