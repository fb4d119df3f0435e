package farmhand.farm.workload;

/**
 * One phase of the workload.
 *
 * <p>The phase generates exactly {@code round(baseRatePerMinute * multiplier * durationSeconds / 60)}
 * tasks. In {@link ArrivalMode#AS_DESCRIBED} the window means follow
 * {@code 1 + amplitude * sin(2 pi cycles t / duration)}; the as-deployed prototype ignored it.
 *
 * @param name human-readable name, not blank
 * @param multiplier rate multiplier applied to the base rate, {@code > 0}
 * @param amplitude relative sinusoid amplitude in [0, 1); 0 for a flat phase
 * @param cycles sinusoid cycles per phase, {@code >= 0}
 */
public record PhaseSpec(String name, double multiplier, double amplitude, double cycles) {

    public PhaseSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("phase name must not be blank");
        }
        if (!(multiplier > 0)) {
            throw new IllegalArgumentException("phase '" + name + "': multiplier must be > 0, was " + multiplier);
        }
        if (!(amplitude >= 0 && amplitude < 1)) {
            throw new IllegalArgumentException("phase '" + name + "': amplitude must be in [0, 1), was " + amplitude);
        }
        if (!(cycles >= 0)) {
            throw new IllegalArgumentException("phase '" + name + "': cycles must be >= 0, was " + cycles);
        }
    }

    /** Relative rate at fraction {@code x} in [0, 1) of the phase, for the as-described mode. */
    public double shape(double x) {
        return 1.0 + amplitude * Math.sin(2 * Math.PI * cycles * x);
    }
}
