package farmhand.reproduction.config;

import farmhand.farm.platform.EmpiricalLatencyProfile;
import farmhand.farm.platform.LatencyProfile;
import farmhand.farm.platform.LatencyProfileName;
import farmhand.farm.spelling.Spelled;
import java.time.Duration;

/**
 * Which scale-latency profile the platform (simulated or local) applies.
 *
 * @param latencyProfile a {@link LatencyProfileName} ({@code openfaas-measured}, the default, {@code instant},
 *                       {@code parametric}), or the path
 *                       of a latency profile file ({@code .csv}, e.g. measured on the Docker platform by
 *                       {@code farmhand scaling-curve --platform docker --latency-profile-out FILE})
 * @param upMeanSeconds parametric only: mean scale-up latency, {@code > 0}
 * @param upStdDevSeconds parametric only: its standard deviation, {@code >= 0}
 * @param downMeanSeconds parametric only: mean scale-down latency, {@code > 0}
 * @param downStdDevSeconds parametric only: its standard deviation, {@code >= 0}
 */
public record PlatformSettings(String latencyProfile, double upMeanSeconds, double upStdDevSeconds,
                               double downMeanSeconds, double downStdDevSeconds) {

    public PlatformSettings {
        if (!isFile(latencyProfile)) {
            try {
                LatencyProfileName.of(latencyProfile);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("latencyProfile must be one of "
                        + String.join(", ", Spelled.spellings(LatencyProfileName.class)) + " or a .csv profile file, was '"
                        + latencyProfile + "'");
            }
        }
        if (isFile(latencyProfile) && !java.nio.file.Files.isReadable(java.nio.file.Path.of(latencyProfile))) {
            throw new IllegalArgumentException("latencyProfile names the file '" + latencyProfile
                    + "', which cannot be read");
        }
        if (!(upMeanSeconds > 0) || !(downMeanSeconds > 0)) {
            throw new IllegalArgumentException("upMeanSeconds and downMeanSeconds must be > 0, were "
                    + upMeanSeconds + " and " + downMeanSeconds);
        }
        if (!(upStdDevSeconds >= 0) || !(downStdDevSeconds >= 0)) {
            throw new IllegalArgumentException("upStdDevSeconds and downStdDevSeconds must be >= 0, were "
                    + upStdDevSeconds + " and " + downStdDevSeconds);
        }
    }

    /** The measured OpenFaaS profile; the parametric values approximate it (mean/sd of the samples). */
    public static PlatformSettings paper() {
        return new PlatformSettings(LatencyProfileName.OPENFAAS_MEASURED.spelling(), 6.4, 1.5, 2.6, 0.7);
    }

    /** A copy naming another profile. */
    public PlatformSettings withLatencyProfile(String name) {
        return new PlatformSettings(name, upMeanSeconds, upStdDevSeconds, downMeanSeconds, downStdDevSeconds);
    }

    private static boolean isFile(String profile) {
        return profile != null && profile.endsWith(".csv");
    }

    /** The profile these settings describe. */
    public LatencyProfile profile() {
        if (isFile(latencyProfile)) {
            return EmpiricalLatencyProfile.fromFile(java.nio.file.Path.of(latencyProfile));
        }
        return switch (LatencyProfileName.of(latencyProfile)) {
            case OPENFAAS_MEASURED -> LatencyProfile.openFaasMeasured();
            case INSTANT -> LatencyProfile.instant();
            case PARAMETRIC -> LatencyProfile.parametric(seconds(upMeanSeconds), seconds(upStdDevSeconds),
                    seconds(downMeanSeconds), seconds(downStdDevSeconds));
        };
    }

    private static Duration seconds(double s) {
        return Duration.ofNanos(Math.round(s * 1e9));
    }
}
