package farmhand.farm.function;

/**
 * Model time for live functions: wall time since {@code program_start_time}, multiplied by the
 * time-compression factor. Immutable and thread-safe.
 *
 * @param startNanos {@link System#nanoTime()} at program start
 * @param compression model seconds per wall second, {@code >= 1} (20 runs a 240 s episode in 12 s)
 */
public record FarmClock(long startNanos, double compression) {

    public FarmClock {
        if (!(compression >= 1)) {
            throw new IllegalArgumentException("compression must be >= 1, was " + compression);
        }
    }

    /** A clock starting now. */
    public static FarmClock startingNow(double compression) {
        return new FarmClock(System.nanoTime(), compression);
    }

    /**
     * The clock of an episode whose program start is {@code startEpochNanos} (nanoseconds since the Unix
     * epoch): how functions in other processes or containers share the episode's model time.
     */
    public static FarmClock fromEpoch(long startEpochNanos, double compression) {
        // the offset between the wall clock and this process's monotonic clock, from the tightest of a few
        // samples; functions of one machine then agree on model time within microseconds of wall time
        long bestOffset = 0;
        long bestSpan = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long before = System.nanoTime();
            long epoch = epochNanosNow();
            long after = System.nanoTime();
            if (after - before < bestSpan) {
                bestSpan = after - before;
                bestOffset = epoch - (before + (after - before) / 2);
            }
        }
        return new FarmClock(startEpochNanos - bestOffset, compression);
    }

    /** Nanoseconds since the Unix epoch, now (microsecond resolution or better on Linux). */
    public static long epochNanosNow() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** This clock's program start in nanoseconds since the Unix epoch (for {@link #fromEpoch}). */
    public long startEpochNanos() {
        return epochNanosNow() - (System.nanoTime() - startNanos);
    }

    /** Model seconds since program start. */
    public double nowSeconds() {
        return (System.nanoTime() - startNanos) / 1e9 * compression;
    }

    /** Sleeps {@code modelSeconds} of model time. */
    public void sleep(double modelSeconds) throws InterruptedException {
        sleepUntil(nowSeconds() + modelSeconds);
    }

    /** Sleeps until model time {@code modelSeconds}; returns at once if already past. */
    public void sleepUntil(double modelSeconds) throws InterruptedException {
        long target = startNanos + (long) (modelSeconds / compression * 1e9);
        long left;
        while ((left = target - System.nanoTime()) > 0) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
    }
}
