package farmhand.reproduction.cli;

import farmhand.farm.platform.openfaas.GatewayConfig;
import farmhand.farm.platform.openfaas.GatewayCredentials;
import farmhand.farm.platform.openfaas.Layout;
import farmhand.farm.platform.openfaas.OpenFaasPlatform;
import farmhand.farm.platform.openfaas.OpenFaasPlatformConfig;
import farmhand.reproduction.openfaas.KubernetesQueueWorker;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options of the OpenFaaS platform ({@code --platform openfaas}). */
public final class OpenFaasOptions {

    @Option(names = "--gateway", paramLabel = "URL",
            description = "openfaas platform: the OpenFaaS gateway, e.g. http://127.0.0.1:8080 (default: the "
                    + "OPENFAAS_URL environment variable)")
    String gatewayUrl;

    @Option(names = "--gateway-password-file", paramLabel = "FILE",
            description = "openfaas platform: file whose first line is the gateway's admin password (default: the "
                    + "OPENFAAS_PASSWORD environment variable; never printed)")
    Path passwordFile;

    @Option(names = "--openfaas-image", paramLabel = "IMAGE", defaultValue = "farmhand/function:latest",
            description = "openfaas platform: the function image, pullable by the cluster (CE: anonymously) "
                    + "(default: ${DEFAULT-VALUE})")
    String image;

    @Option(names = "--openfaas-layout", paramLabel = "LAYOUT", defaultValue = "per-worker-function",
            completionCandidates = Spellings.Layouts.class,
            description = "openfaas platform: per-worker-function (the paper's; N + 2 functions, CE allows 15) or "
                    + "replicas (workers as replicas of functions of at most 5; unmodified CE) (default: ${DEFAULT-VALUE})")
    Layout layout;

    @Option(names = "--openfaas-namespace", paramLabel = "NS", defaultValue = "openfaas-fn",
            description = "openfaas platform: the functions' namespace (default: ${DEFAULT-VALUE})")
    String namespace;

    @Option(names = "--openfaas-redis", paramLabel = "URL",
            description = "openfaas platform: the farm's Redis as the functions reach it in the cluster, e.g. "
                    + "redis://redis.openfaas-fn:6379 (default: the --redis URL)")
    String functionRedis;

    @Option(names = "--openfaas-redis-secret", paramLabel = "NAME",
            description = "openfaas platform: an OpenFaaS secret holding the Redis password (faas-cli secret create)")
    String redisSecret;

    @Option(names = "--openfaas-scale-queue-worker",
            description = "openfaas platform: keep a queue-worker replica per running function (workers + 2, as the "
                    + "paper did) by scaling Deployment openfaas/queue-worker through the Kubernetes API (default "
                    + "kubeconfig); off: set the chart's queueWorker.replicas to N_max + 2 instead")
    boolean scaleQueueWorker;

    @Option(names = "--openfaas-max-functions", paramLabel = "N", defaultValue = "15",
            description = "openfaas platform: how many functions the gateway allows (CE: 15; raise it for Pro or a "
                    + "patched build); bounds the workers a run may ask for (default: ${DEFAULT-VALUE})")
    int maxFunctions = OpenFaasPlatformConfig.CE_MAX_FUNCTIONS;

    @Option(names = "--openfaas-start-allowance", paramLabel = "SECONDS", defaultValue = "10",
            description = "openfaas platform: how long the initial functions get to boot before the episode's time 0 "
                    + "(wall seconds; a cluster that pulls the image and starts pods needs seconds) (default: "
                    + "${DEFAULT-VALUE})")
    double startAllowanceSeconds = 10;

    /**
     * The most workers the gateway can host in the chosen layout beside the emitter and the collector: {@code
     * F - 2} with a function per worker, {@code (F - 2) x 5} as replicas of functions of at most 5 (CE).
     *
     * @throws IllegalArgumentException when --openfaas-max-functions leaves no room for a worker
     */
    public int maxWorkers() {
        if (maxFunctions < 3) {
            throw new IllegalArgumentException("--openfaas-max-functions must be >= 3 (emitter, collector, a worker), was "
                    + maxFunctions);
        }
        return layout == Layout.PER_WORKER_FUNCTION ? maxFunctions - 2
                : (maxFunctions - 2) * OpenFaasPlatformConfig.CE_MAX_REPLICAS;
    }

    /** The --openfaas-layout's spelling. */
    public String layoutName() {
        return layout.spelling();
    }

    /** A new platform as configured (checked when this is called). */
    public OpenFaasPlatform platform(OpenFaasPlatformConfig config) {
        return new OpenFaasPlatform(config, scaleQueueWorker ? KubernetesQueueWorker.fromKubeconfig() : null);
    }

    /**
     * The platform's configuration.
     *
     * @throws IllegalArgumentException naming the option that is missing or wrong
     */
    public OpenFaasPlatformConfig config() {
        String url = gatewayUrl != null ? gatewayUrl : System.getenv("OPENFAAS_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("--platform openfaas needs --gateway URL (or OPENFAAS_URL)");
        }
        GatewayCredentials login = GatewayCredentials.resolve(passwordFile, System.getenv());
        if (!(startAllowanceSeconds >= 0 && startAllowanceSeconds <= 3600)) {
            throw new IllegalArgumentException("--openfaas-start-allowance must be between 0 and 3600 seconds, was "
                    + startAllowanceSeconds);
        }
        OpenFaasPlatformConfig c = OpenFaasPlatformConfig.of(GatewayConfig.of(url, login).withNamespace(namespace),
                image, layout).withFunctionRedis(functionRedis, redisSecret);
        return c.withTimings(c.readyTimeout(), c.pollInterval(),
                java.time.Duration.ofMillis(Math.round(startAllowanceSeconds * 1000)));
    }
}
