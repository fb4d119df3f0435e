package farmhand.reproduction.cli;

import farmhand.farm.live.LiveFarmOptions;
import farmhand.farm.platform.LatencyProfile;
import farmhand.farm.platform.LocalPlatform;
import farmhand.farm.platform.Platform;
import farmhand.farm.platform.PlatformKind;
import farmhand.farm.platform.ProcessPlatform;
import farmhand.farm.platform.docker.DockerPlatform;
import farmhand.farm.queue.RedisEndpoint;
import java.nio.file.Path;
import java.util.function.Function;
import picocli.CommandLine.Mixin;

import picocli.CommandLine.Option;

/** Options of the live Redis farm backend, shared by the commands that can drive it. */
public final class LiveOptions {

    @Option(names = "--redis", paramLabel = "URL",
            description = "Redis to use for the live farm, e.g. redis://127.0.0.1:6379 (default: the REDIS_URL "
                    + "environment variable, else a private redis-server); prefer --redis-password-file to a password "
                    + "in the URL, which other users can see in the process list")
    String redisUrl;

    @Option(names = "--platform", paramLabel = "NAME", defaultValue = "local",
            completionCandidates = Spellings.Platforms.class,
            description = "live farm: where functions run, one of ${COMPLETION-CANDIDATES}: local (threads of this JVM, "
                    + "with the configured latency profile), process (one child JVM per function, no modelled "
                    + "latency), docker (one container per function; needs an engine and the function image) "
                    + "or openfaas (an OpenFaaS gateway, --gateway) (default: ${DEFAULT-VALUE})")
    PlatformKind platform = PlatformKind.LOCAL;

    @Mixin
    DockerOptions docker;

    @Mixin
    OpenFaasOptions openfaas;

    @Option(names = "--redis-password-file", paramLabel = "FILE",
            description = "file whose first line is the Redis password (never printed)")
    Path redisPasswordFile;

    @Option(names = "--allow-disturbed",
            description = "live farm: exit 0 even when an episode was disturbed (a Redis outage longer than a control "
                    + "step, a lost lease); disturbed episodes are still marked")
    boolean allowDisturbed;

    @Option(names = "--time-compression", paramLabel = "F", defaultValue = "20",
            description = "live farm only: divide every model duration by F (default: ${DEFAULT-VALUE})")
    double timeCompression;

    /** The Redis URL: --redis, else REDIS_URL, else null to start a private server. */
    public String redisUrl() {
        if (redisUrl != null) {
            return redisUrl;
        }
        String env = System.getenv("REDIS_URL");
        return env == null || env.isBlank() ? null : env;
    }

    /**
     * Where the live farm's Redis is, or null for a private server.
     *
     * @throws IllegalArgumentException when the URL is not a Redis URL or the password file cannot be read
     */
    public RedisEndpoint redis() {
        String url = redisUrl();
        if (url == null) {
            if (redisPasswordFile != null) {
                throw new IllegalArgumentException("--redis-password-file needs --redis or REDIS_URL");
            }
            return null;
        }
        return new RedisEndpoint(url, redisPasswordFile);
    }

    /**
     * Makes the live farm's platform: local with {@code profile}, process, docker, or openfaas.
     *
     * @throws IllegalArgumentException naming the option that is wrong
     */
    public Function<LiveFarmOptions, Platform> platformFactory(LatencyProfile profile) {
        return switch (platform) {
            case LOCAL -> o -> new LocalPlatform(profile, o.compression());
            case PROCESS -> o -> new ProcessPlatform();
            case DOCKER -> {
                var config = docker.config();
                yield o -> new DockerPlatform(config);
            }
            case OPENFAAS -> {
                var config = openfaas.config();
                yield o -> openfaas.platform(config);
            }
        };
    }

    /** The --platform. */
    public PlatformKind platform() {
        return platform;
    }

    /** The Docker platform's options. */
    public DockerOptions docker() {
        return docker;
    }

    /** True when disturbed episodes should not fail the run. */
    public boolean allowDisturbed() {
        return allowDisturbed;
    }

    /** The time-compression factor, {@code > 0}. */
    public double timeCompression() {
        return timeCompression;
    }
}
