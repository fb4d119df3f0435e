package farmhand.farm.platform.docker;

import java.time.Duration;

/**
 * How the Docker platform runs functions.
 *
 * @param image the function image (one for the three roles), present in the engine
 * @param memoryBytes each container's memory limit (0: none)
 * @param readyTimeout how long a container may take from the request to serving its health path
 * @param startAllowance the fixed part of how long the initial functions of an episode may take to boot
 *                       beyond the handshake timeout ({@link #startAllowance(int)})
 * @param startPerFunction what each initial function adds to it: their JVMs start together on the
 *                         machine's cores, so the time to the last START grows with their number
 * @param cdsDirectory a host directory for the functions' class-data-sharing archive (null: none): mounted
 *                     into every container, whose JVM maps the archive of this image when it is there and
 *                     writes it at exit when it is not ({@code -XX:+AutoCreateSharedArchive})
 */
public record DockerPlatformConfig(String image, long memoryBytes, Duration readyTimeout, Duration startAllowance,
                                   Duration startPerFunction, java.nio.file.Path cdsDirectory) {

    /** The function image's tag that {@code ./mvnw -pl farm -am package jib:dockerBuild} builds. */
    public static final String DEFAULT_IMAGE = "farmhand/function:latest";
    /** 192 MiB per function: a worker's JVM with a 96 MiB heap and its class data. */
    public static final long DEFAULT_MEMORY_BYTES = 192L << 20;

    public DockerPlatformConfig {
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("the Docker platform needs a function image");
        }
        if (memoryBytes < 0) {
            throw new IllegalArgumentException("memoryBytes must be >= 0, was " + memoryBytes);
        }
        if (readyTimeout == null || readyTimeout.isNegative() || readyTimeout.isZero()) {
            throw new IllegalArgumentException("readyTimeout must be positive, was " + readyTimeout);
        }
        if (startAllowance == null || startAllowance.isNegative()) {
            throw new IllegalArgumentException("startAllowance must be >= 0, was " + startAllowance);
        }
        if (startPerFunction == null || startPerFunction.isNegative()) {
            throw new IllegalArgumentException("startPerFunction must be >= 0, was " + startPerFunction);
        }
    }

    /** The same with the class-data-sharing archive in {@code directory} (null: none). */
    public DockerPlatformConfig withCdsDirectory(java.nio.file.Path directory) {
        return new DockerPlatformConfig(image, memoryBytes, readyTimeout, startAllowance, startPerFunction, directory);
    }

    /**
     * How long {@code initialFunctions} containers started together may take to announce START: the fixed
     * part plus {@link #startPerFunction} for each.
     */
    public Duration startAllowance(int initialFunctions) {
        return startAllowance.plus(startPerFunction.multipliedBy(Math.max(0, initialFunctions)));
    }

    /** The default fixed part of the start allowance. */
    public static final Duration DEFAULT_START_ALLOWANCE = Duration.ofSeconds(2);
    /**
     * The default allowance per initial function: 1.5 s, what a function container's JVM took to boot with
     * 13 others on two cores shared with other builds (14 took 21-34 s to START at load average 4-11).
     */
    public static final Duration DEFAULT_START_PER_FUNCTION = Duration.ofMillis(1500);

    /**
     * The default image, memory limit and start allowance (2 s + 1.5 s per initial function), a 60 s readiness
     * bound, no class-data-sharing archive.
     */
    public static DockerPlatformConfig defaults() {
        return new DockerPlatformConfig(DEFAULT_IMAGE, DEFAULT_MEMORY_BYTES, Duration.ofSeconds(60),
                DEFAULT_START_ALLOWANCE, DEFAULT_START_PER_FUNCTION, null);
    }
}
