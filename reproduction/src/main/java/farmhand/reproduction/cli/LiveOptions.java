package farmhand.reproduction.cli;

import picocli.CommandLine.Option;

/** Options of the live Redis farm backend, shared by the commands that can drive it. */
public final class LiveOptions {

    @Option(names = "--redis", paramLabel = "URL",
            description = "Redis to use for the live farm, e.g. redis://127.0.0.1:6379 (default: start a private redis-server)")
    String redisUrl;

    @Option(names = "--time-compression", paramLabel = "F", defaultValue = "20",
            description = "live farm only: divide every model duration by F (default: ${DEFAULT-VALUE})")
    double timeCompression;

    /** The Redis URL, or null to start a private server. */
    public String redisUrl() {
        return redisUrl;
    }

    /** The time-compression factor, {@code > 0}. */
    public double timeCompression() {
        return timeCompression;
    }
}
