package farmhand.farm.platform;

import org.apache.commons.rng.UniformRandomProvider;

/** Zero latency in both directions. */
final class InstantLatencyProfile implements LatencyProfile {

    static final InstantLatencyProfile INSTANCE = new InstantLatencyProfile();

    @Override
    public String name() {
        return "instant";
    }

    @Override
    public double scaleUpSeconds(UniformRandomProvider rng) {
        return 0.0;
    }

    @Override
    public double scaleDownSeconds(UniformRandomProvider rng) {
        return 0.0;
    }
}
