package farmhand.farm.live;

/**
 * Where every task of an episode went: generated = collected + dead-lettered + lost.
 *
 * @param generated tasks the emitter pushed
 * @param collected tasks the collector recorded (each id once)
 * @param deadLettered messages moved to the dead-letter queue
 * @param duplicates results dropped because their id was already collected (after a recovery)
 * @param recovered tasks returned to the queue from crashed workers
 * @param lost tasks neither collected nor dead-lettered nor still in the farm
 */
public record EpisodeAccount(long generated, long collected, long deadLettered, long duplicates, long recovered,
                             long lost) {

    /** True when every generated task is accounted for. */
    public boolean balances() {
        return generated == collected + deadLettered + lost;
    }
}
