package farmhand.farm.platform;

import java.time.Duration;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/** Log-normal scale latencies with given means and standard deviations. Immutable, thread-safe. */
final class ParametricLatencyProfile implements LatencyProfile {

    private final double upMu;
    private final double upSigma;
    private final double downMu;
    private final double downSigma;
    private final String name;

    ParametricLatencyProfile(Duration upMean, Duration upStdDev, Duration downMean, Duration downStdDev) {
        double um = positive(upMean, "upMean");
        double us = nonNegative(upStdDev, "upStdDev");
        double dm = positive(downMean, "downMean");
        double ds = nonNegative(downStdDev, "downStdDev");
        upSigma = Math.sqrt(Math.log1p((us * us) / (um * um)));
        upMu = Math.log(um) - upSigma * upSigma / 2;
        downSigma = Math.sqrt(Math.log1p((ds * ds) / (dm * dm)));
        downMu = Math.log(dm) - downSigma * downSigma / 2;
        name = "parametric(up " + um + "+-" + us + " s, down " + dm + "+-" + ds + " s)";
    }

    private static double positive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be a positive duration, was " + d);
        }
        return d.toNanos() / 1e9;
    }

    private static double nonNegative(Duration d, String what) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException(what + " must be zero or positive, was " + d);
        }
        return d.toNanos() / 1e9;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public double scaleUpSeconds(UniformRandomProvider rng) {
        return Math.exp(upMu + upSigma * ZigguratSampler.NormalizedGaussian.of(rng).sample());
    }

    @Override
    public double scaleDownSeconds(UniformRandomProvider rng) {
        return Math.exp(downMu + downSigma * ZigguratSampler.NormalizedGaussian.of(rng).sample());
    }
}
