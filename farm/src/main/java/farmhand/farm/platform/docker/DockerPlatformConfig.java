package farmhand.farm.platform.docker;

import java.time.Duration;

/**
 * How the Docker platform runs functions.
 *
 * @param image the function image (one for the three roles), present in the engine
 * @param memoryBytes each container's memory limit (0: none)
 * @param readyTimeout how long a container may take from the request to serving its health path
 * @param startAllowance how long the initial functions of an episode may take to boot before its model
 *                       time 0 ({@link farmhand.farm.platform.Platform#startAllowance()}): their JVMs start
 *                       together on the machine's cores, so it grows with the farm's size
 */
public record DockerPlatformConfig(String image, long memoryBytes, Duration readyTimeout, Duration startAllowance) {

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
    }

    /** The default start allowance: 14 JVMs (12 workers) booting together on two busy cores. */
    public static final Duration DEFAULT_START_ALLOWANCE = Duration.ofSeconds(10);

    /** The default image, memory limit and start allowance, and a 60 s readiness bound. */
    public static DockerPlatformConfig defaults() {
        return new DockerPlatformConfig(DEFAULT_IMAGE, DEFAULT_MEMORY_BYTES, Duration.ofSeconds(60),
                DEFAULT_START_ALLOWANCE);
    }
}
