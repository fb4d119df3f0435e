package farmhand.reproduction.cli;

import farmhand.farm.platform.docker.DockerPlatformConfig;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Options of the Docker platform (functions as containers of the function image). */
public final class DockerOptions {

    @Option(names = "--docker-image", paramLabel = "IMAGE", defaultValue = DockerPlatformConfig.DEFAULT_IMAGE,
            description = "docker platform: the function image, present in the engine of DOCKER_HOST (default: "
                    + "${DEFAULT-VALUE}; build it with ./mvnw -pl farm -am package jib:dockerBuild)")
    String image;

    @Option(names = "--docker-memory-mb", paramLabel = "MIB", defaultValue = "192",
            description = "docker platform: memory limit of each function container, MiB; 0 for none (default: ${DEFAULT-VALUE})")
    long memoryMiB;

    @Option(names = "--docker-start-seconds", paramLabel = "S", defaultValue = "2",
            description = "docker platform: fixed wall seconds the initial containers may take to announce START beyond "
                    + "the 30 s handshake timeout, plus --docker-start-seconds-per-function each; model time 0 waits for "
                    + "them (default: ${DEFAULT-VALUE})")
    double startSeconds;

    @Option(names = "--docker-start-seconds-per-function", paramLabel = "S", defaultValue = "1.5",
            description = "docker platform: wall seconds each initial container adds to the start allowance (their "
                    + "JVMs boot together on the machine's cores); raise it on a loaded machine (default: ${DEFAULT-VALUE})")
    double startSecondsPerFunction;

    @Option(names = "--docker-cds-dir", paramLabel = "DIR",
            description = "docker platform: host directory for the functions' class-data-sharing archive (written by "
                    + "the first containers to exit, mapped by later ones to start faster); 'none' to run without "
                    + "(default: ~/.cache/farmhand/cds)")
    String cdsDirectory;

    /** The platform's configuration; refuses a negative memory limit or start allowance naming the option. */
    public DockerPlatformConfig config() {
        if (memoryMiB < 0) {
            throw new IllegalArgumentException("--docker-memory-mb must be >= 0, was " + memoryMiB);
        }
        if (!(startSeconds >= 0) || !Double.isFinite(startSeconds)) {
            throw new IllegalArgumentException("--docker-start-seconds must be >= 0, was " + startSeconds);
        }
        if (!(startSecondsPerFunction >= 0) || !Double.isFinite(startSecondsPerFunction)) {
            throw new IllegalArgumentException("--docker-start-seconds-per-function must be >= 0, was "
                    + startSecondsPerFunction);
        }
        return new DockerPlatformConfig(image, memoryMiB << 20, Duration.ofSeconds(60),
                Duration.ofMillis(Math.round(startSeconds * 1000)),
                Duration.ofMillis(Math.round(startSecondsPerFunction * 1000)), cdsPath());
    }

    private java.nio.file.Path cdsPath() {
        if ("none".equals(cdsDirectory)) {
            return null;
        }
        if (cdsDirectory == null || cdsDirectory.isBlank()) {
            return java.nio.file.Path.of(System.getProperty("user.home"), ".cache", "farmhand", "cds");
        }
        return java.nio.file.Path.of(cdsDirectory);
    }
}
