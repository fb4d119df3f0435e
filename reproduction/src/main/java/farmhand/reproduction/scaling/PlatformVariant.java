package farmhand.reproduction.scaling;

import farmhand.farm.platform.LatencyProfile;
import farmhand.farm.platform.LocalPlatform;
import farmhand.farm.platform.Platform;
import java.util.function.DoubleFunction;

/**
 * A platform a scaling measurement runs its functions on, by name: the local platform with a
 * modelled deploy latency, or a real one (e.g. {@code docker}).
 *
 * @param name the name in reports
 * @param create makes a fresh platform for a time-compression factor (the farm owns and closes it)
 */
public record PlatformVariant(String name, DoubleFunction<Platform> create) {

    public PlatformVariant {
        if (name == null || name.isBlank() || create == null) {
            throw new IllegalArgumentException("a platform variant needs a name and a factory");
        }
    }

    /** The local platform with {@code profile}'s deploy latency. */
    public static PlatformVariant local(String name, LatencyProfile profile) {
        return new PlatformVariant(name, compression -> new LocalPlatform(profile, compression));
    }

    /** The bare local platform (no modelled latency). */
    public static PlatformVariant bare() {
        return local("bare", LatencyProfile.instant());
    }
}
