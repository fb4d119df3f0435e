package farmhand.farm.workload;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The one place random sources are made: every random choice in farmhand comes from a
 * generator built here from a seed and a named stream, so the same seed gives the same numbers
 * and the streams (workload, platform latencies, exploration, ...) do not disturb each other.
 */
public final class Seeds {

    private Seeds() {
    }

    /** A fresh generator for {@code stream} under {@code seed}; deterministic for equal arguments. */
    public static UniformRandomProvider source(long seed, String stream) {
        long mixed = seed * 0x9E3779B97F4A7C15L + stream.hashCode() * 0xBF58476D1CE4E5B9L;
        return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {mixed, ~mixed ^ 0x94D049BB133111EBL});
    }
}
