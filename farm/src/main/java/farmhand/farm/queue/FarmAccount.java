package farmhand.farm.queue;

import java.util.Map;

/**
 * Where every task of a run went, read from Redis: generated = collected + dead-lettered tasks + still in
 * the farm + lost. {@code lost} is what is left over; it is never clamped, so a negative value shows
 * over-counting (a task counted twice) as plainly as a positive one shows a loss.
 *
 * @param generated tasks the emitter pushed
 * @param collected tasks the collector recorded (each id once)
 * @param deadLettered refused messages by reason; only {@link DeadLetterReason#MAX_DELIVERIES} are the run's
 *                     own tasks, the others were foreign or malformed messages
 * @param duplicates results dropped because their id was already collected
 * @param redelivered tasks taken back from a dead or hung worker and delivered again
 * @param staleCompletions results a worker finished after its task had been taken back (dropped)
 * @param inFarm tasks still waiting, held or with a result not yet collected
 * @param lost generated tasks that are nowhere: {@code generated - collected - deadLetteredTasks - inFarm}
 */
public record FarmAccount(long generated, long collected, Map<DeadLetterReason, Long> deadLettered, long duplicates,
                          long redelivered, long staleCompletions, long inFarm, long lost) {

    public FarmAccount {
        deadLettered = Map.copyOf(deadLettered);
    }

    /** The account with {@code lost} computed from the others. */
    public static FarmAccount of(long generated, long collected, Map<DeadLetterReason, Long> deadLettered,
                                 long duplicates, long redelivered, long staleCompletions, long inFarm) {
        long dead = deadLettered.getOrDefault(DeadLetterReason.MAX_DELIVERIES, 0L);
        return new FarmAccount(generated, collected, deadLettered, duplicates, redelivered, staleCompletions, inFarm,
                generated - collected - dead - inFarm);
    }

    /** The run's own tasks that were dead-lettered (delivered too often). */
    public long deadLetteredTasks() {
        return deadLettered.getOrDefault(DeadLetterReason.MAX_DELIVERIES, 0L);
    }

    /** Every dead-lettered message, the run's own and foreign ones. */
    public long deadLetteredMessages() {
        return deadLettered.values().stream().mapToLong(Long::longValue).sum();
    }

    /** True when every generated task is accounted for: none lost, none counted twice. */
    public boolean balances() {
        return lost == 0;
    }

    /** One line for people: every count, and by how much it fails to balance when it does. */
    public String describe() {
        String text = "generated " + generated + ", collected " + collected + ", dead-lettered " + deadLetteredTasks()
                + " task(s) (" + deadLetteredMessages() + " message(s) in all" + (deadLettered.isEmpty() ? "" : ": "
                + deadLettered) + "), duplicates " + duplicates + ", redelivered " + redelivered + ", stale completions "
                + staleCompletions + ", in the farm " + inFarm + ", lost " + lost;
        return balances() ? text : text + (lost > 0 ? " (does NOT balance: " + lost + " task(s) missing)"
                : " (does NOT balance: " + -lost + " task(s) counted twice)");
    }
}
