package farmhand.reproduction.cli;

import farmhand.farm.spelling.Spelled;
import farmhand.farm.live.EmbeddedRedis;
import farmhand.farm.platform.LatencyProfile;
import farmhand.farm.platform.docker.DockerPlatform;
import farmhand.farm.platform.docker.DockerPlatformConfig;
import farmhand.farm.platform.docker.ScaleUpTiming;
import farmhand.reproduction.scaling.ContainerMeasurements;
import farmhand.reproduction.scaling.Percentiles;
import farmhand.reproduction.scaling.PlatformVariant;
import farmhand.reproduction.report.Figures;
import farmhand.reproduction.report.Json;
import farmhand.reproduction.scaling.ScaleUpLatency;
import farmhand.reproduction.scaling.ScalingCurve;
import farmhand.reproduction.scaling.ScalingExperiment;
import farmhand.reproduction.scaling.ScalingReport;
import farmhand.reproduction.scaling.ScalingSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code farmhand scaling-curve}: the static scaling experiment of the paper's Fig. 2 on the live
 * farm (runtime, initialisation and speedup per worker count and arrival window), on the local
 * platform bare and with the measured OpenFaaS deploy latency, plus the bare platform's own
 * scale-up latency.
 */
@Command(name = "scaling-curve", mixinStandardHelpOptions = true,
        description = "Run the static scaling experiment (paper Fig. 2) on the live farm: runtime, init overhead and speedup per N.")
public final class ScalingCurveCommand implements Callable<Integer> {

    @Option(names = "--tasks", defaultValue = "1000", description = "tasks per batch (default: ${DEFAULT-VALUE})")
    int tasks;

    @Option(names = "--service-seconds", defaultValue = "2.04",
            description = "service time of every task, model seconds (default: ${DEFAULT-VALUE})")
    double serviceSeconds;

    @Option(names = "--windows", split = ",", defaultValue = "30,100,200,300",
            description = "arrival windows, model seconds (default: ${DEFAULT-VALUE})")
    List<Double> windows;

    @Option(names = "--workers", split = ",", defaultValue = "1,2,4,8,16,32",
            description = "farm sizes, ascending; speedups are relative to the first (default: ${DEFAULT-VALUE})")
    List<Integer> workers;

    @Option(names = "--platform", defaultValue = "both", completionCandidates = Spellings.ScalingVariants.class,
            description = "${COMPLETION-CANDIDATES}: bare, openfaas-measured or both: the local platform's deploy "
                    + "latency; or docker: every function a container (batches, initialisation and scale-ups on docker) "
                    + "or openfaas: every function on an OpenFaaS gateway (--gateway) (default: ${DEFAULT-VALUE})")
    Variants platform;

    /** What {@code scaling-curve --platform} measures on. */
    enum Variants implements Spelled {
        /** The local platform without deploy latency. */
        BARE("bare"),
        /** The local platform with the deploy latency measured on OpenFaaS. */
        OPENFAAS_MEASURED("openfaas-measured"),
        /** Both local variants. */
        BOTH("both"),
        /** Every function a container. */
        DOCKER("docker"),
        /** Every function on an OpenFaaS gateway. */
        OPENFAAS("openfaas");

        private final String spelling;

        Variants(String spelling) {
            this.spelling = spelling;
        }

        @Override
        public String spelling() {
            return spelling;
        }

        static Variants of(String text) {
            return Spelled.parse(Variants.class, "scaling-curve platform", text);
        }

        @Override
        public String toString() {
            return spelling;
        }
    }

    @Mixin
    DockerOptions docker;

    @Mixin
    OpenFaasOptions openfaas;

    @Option(names = "--latency-profile-out", paramLabel = "FILE",
            description = "write the measured scale-up and scale-down times as a latency profile CSV the simulator "
                    + "loads (platform.latencyProfile: FILE), in model seconds of a live run at --time-compression "
                    + "(measured wall seconds x the compression)")
    Path latencyProfileOut;

    @Option(names = "--time-compression", paramLabel = "F", defaultValue = "50",
            description = "divide every model duration by F (default: ${DEFAULT-VALUE})")
    double compression;

    @Option(names = "--scale-ups", defaultValue = "50",
            description = "scale-ups over which to measure the bare platform's latency; 0 to skip (default: ${DEFAULT-VALUE})")
    int scaleUps;

    @Option(names = "--redis", paramLabel = "URL",
            description = "Redis for the farm (default: start a private redis-server)")
    String redisUrl;

    @Option(names = "--seed", defaultValue = "42", description = "fixes arrivals and latency draws (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--json", paramLabel = "FILE", description = "write every point and latency sample as JSON")
    Path json;

    @Option(names = "--figure", paramLabel = "FILE", description = "draw the speedup curves (Fig. 2) as a PNG")
    Path figure;

    @Override
    public Integer call() {
        OutputPaths.requireWritableFile(json, "--json");
        OutputPaths.requireWritableFile(figure, "--figure");
        if (workers.stream().anyMatch(n -> n < 1 || n > ScalingSettings.MAX_WORKERS)) {
            throw new IllegalArgumentException("--workers must list farm sizes in [1, " + ScalingSettings.MAX_WORKERS
                    + "], was " + workers);
        }
        ScalingSettings settings;
        try {
            settings = new ScalingSettings(tasks, serviceSeconds, windows, workers, compression, seed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("scaling-curve: " + e.getMessage(), e);
        }
        if (scaleUps < 0) {
            throw new IllegalArgumentException("--scale-ups must be >= 0, was " + scaleUps);
        }
        if (latencyProfileOut != null && scaleUps == 0) {
            throw new IllegalArgumentException("--latency-profile-out needs --scale-ups > 0");
        }
        ScalingReport report;
        if (platform == Variants.DOCKER) {
            report = measureOnDocker(settings, docker.config(), redisUrl, scaleUps);
        } else if (platform == Variants.OPENFAAS) {
            report = OpenFaasScalingCurve.measure(settings, openfaas, redisUrl, scaleUps);
        } else {
            Map<String, LatencyProfile> platforms = switch (platform) {
                case BOTH -> PLATFORMS;
                case BARE, OPENFAAS_MEASURED -> Map.of(platform.spelling(), PLATFORMS.get(platform.spelling()));
                case DOCKER, OPENFAAS -> throw new IllegalStateException("unreachable: " + platform + " is measured above");
            };
            report = measure(settings, platforms, redisUrl, scaleUps);
        }
        write(report, json, null, figure);
        if (latencyProfileOut != null) {
            writeProfile(report, latencyProfileOut, compression);
        }
        return 0;
    }

    /** Writes the report's scale times as a latency profile CSV for live runs at {@code compression}. */
    static void writeProfile(ScalingReport report, Path file, double compression) {
        String csv = report.scaleUpLatency().profileCsv("scale actions measured by farmhand scaling-curve on the "
                + report.platform() + " platform" + (report.containers() == null ? "" : " (image "
                + report.containers().image() + (report.containers().memoryLimitMiB() == 0 ? ")"
                : ", " + report.containers().memoryLimitMiB() + " MiB per container)")), 2,
                compression);
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, csv);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        System.out.println("wrote " + file);
    }

    /**
     * The curve, initialisation and scale-up latency with every function a container of the Docker
     * platform, plus each worker container's memory and the scale-up stages.
     */
    static ScalingReport measureOnDocker(ScalingSettings settings, DockerPlatformConfig config, String redisUrl,
                                         int scaleUps) {
        List<DockerPlatform> made = new java.util.concurrent.CopyOnWriteArrayList<>();
        PlatformVariant dockerVariant = new PlatformVariant("docker", compression -> {
            DockerPlatform p = new DockerPlatform(config);
            made.add(p);
            return p;
        });
        Map<Integer, Double> memory = new java.util.TreeMap<>();
        try (EmbeddedRedis embedded = redisUrl == null ? EmbeddedRedis.start() : null) {
            String url = redisUrl != null ? redisUrl : embedded.url();
            System.out.println("measuring the live farm's scaling curve on docker (image " + config.image() + ", "
                    + (config.memoryBytes() >> 20) + " MiB per container) ...");
            ScalingCurve curve = new ScalingExperiment(settings, url, dockerVariant, run -> {
                DockerPlatform p = (DockerPlatform) run.farm().platform();
                double sum = 0;
                int n = 0;
                for (String name : p.deployed()) {
                    if (name.startsWith("worker-")) {
                        long bytes = p.memoryUsageBytes(name);
                        if (bytes > 0) {
                            sum += bytes / 1048576.0;
                            n++;
                        }
                    }
                }
                if (n > 0) {
                    memory.put(run.workers(), sum / n);
                }
            }).runOn(List.of(dockerVariant), pt -> System.out.printf(Locale.ROOT,
                    "  window %.0f s, N=%d: runtime %.1f s, speedup %.2f, worker container memory %.0f MiB, "
                            + "started %.1f model s late%n",
                    pt.windowSeconds(), pt.workers(), pt.runtimeSeconds(), pt.speedup(),
                    memory.getOrDefault(pt.workers(), Double.NaN), pt.lateStartSeconds()));
            System.out.println();
            System.out.println(curve.table());
            ScaleUpLatency latency = null;
            Map<String, double[]> stages = new java.util.LinkedHashMap<>();
            if (scaleUps > 0) {
                int before = made.size();
                latency = ScaleUpLatency.measure(url, dockerVariant, scaleUps, settings.seed());
                List<ScaleUpTiming> timings = made.get(before).scaleUps().stream().filter(t -> !t.initial()).toList();
                stages.put("running", percentiles(timings.stream().mapToDouble(t -> t.runningSeconds() * 1000).toArray()));
                stages.put("healthy", percentiles(timings.stream().mapToDouble(t -> t.healthySeconds() * 1000).toArray()));
                stages.put("invoked", percentiles(timings.stream().mapToDouble(t -> t.invokedSeconds() * 1000).toArray()));
                stages.put("start", percentiles(latency.startMillis().stream().mapToDouble(Double::doubleValue).toArray()));
                System.out.printf(Locale.ROOT, "docker scale-up latency over %d scale-ups, wall ms p50 / p95:%n", scaleUps);
                stages.forEach((stage, p) -> System.out.printf(Locale.ROOT, "  request -> %-8s %8.1f / %8.1f%n",
                        stage, p[0], p[1]));
                System.out.printf(Locale.ROOT, "  request -> %-8s %8.1f / %8.1f%n", "first task", latency.p50Millis(),
                        latency.p95Millis());
            }
            memory.forEach((n, mib) -> System.out.printf(Locale.ROOT, "worker container memory at N=%d: %.1f MiB%n", n, mib));
            return new ScalingReport(curve, latency, "docker",
                    new ContainerMeasurements(config.image(), config.memoryBytes() >> 20, memory, stages));
        }
    }

    private static double[] percentiles(double[] values) {
        return new double[] {Percentiles.of(values, 50), Percentiles.of(values, 95)};
    }

    /** The local platform's variants: bare, and with the deploy latency measured on OpenFaaS. */
    static final Map<String, LatencyProfile> PLATFORMS = orderedPlatforms();

    private static Map<String, LatencyProfile> orderedPlatforms() {
        Map<String, LatencyProfile> m = new LinkedHashMap<>();
        m.put(Variants.BARE.spelling(), LatencyProfile.instant());
        m.put(Variants.OPENFAAS_MEASURED.spelling(), LatencyProfile.openFaasMeasured());
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * Runs the curve and, when {@code scaleUps > 0}, the bare platform's scale-up latency, printing
     * progress and the table; on the Redis at {@code redisUrl}, or a private one when it is null.
     */
    static ScalingReport measure(ScalingSettings settings, Map<String, LatencyProfile> platforms, String redisUrl,
                                 int scaleUps) {
        try (EmbeddedRedis embedded = redisUrl == null ? EmbeddedRedis.start() : null) {
            String url = redisUrl != null ? redisUrl : embedded.url();
            System.out.println("measuring the live farm's scaling curve (init on: " + String.join(", ", platforms.keySet())
                    + ") ...");
            ScalingCurve curve = new ScalingExperiment(settings, url).run(platforms,
                    p -> System.out.printf(Locale.ROOT, "  window %.0f s, N=%d: runtime %.1f s, speedup %.2f%n",
                            p.windowSeconds(), p.workers(), p.runtimeSeconds(), p.speedup()));
            System.out.println();
            System.out.println(curve.table());
            ScaleUpLatency latency = null;
            if (scaleUps > 0) {
                latency = ScaleUpLatency.measure(url, scaleUps, settings.seed());
                System.out.printf(Locale.ROOT,
                        "bare local platform scale-up latency (request -> first task taken), %d scale-ups: p50 %.2f ms, p95 %.2f ms%n",
                        scaleUps, latency.p50Millis(), latency.p95Millis());
            }
            return new ScalingReport(curve, latency);
        }
    }

    /** Writes what was asked for: the JSON report, the table as Markdown, the Fig. 2 PNG (each may be null). */
    static void write(ScalingReport report, Path json, Path markdown, Path figure) {
        if (json != null) {
            Json.write(json, report);
            System.out.println("wrote " + json);
        }
        if (markdown != null) {
            String text = report.curve().table() + "\nOpenFaaS (paper, 30 s window): speedups "
                    + ScalingSettings.OPENFAAS_SPEEDUPS_30S + " at N = " + ScalingSettings.paper().workerCounts() + ".\n";
            try {
                Files.createDirectories(markdown.toAbsolutePath().getParent());
                Files.writeString(markdown, text);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + markdown + ": " + e.getMessage(), e);
            }
            System.out.println("wrote " + markdown);
        }
        if (figure != null) {
            System.out.println("wrote " + Figures.speedup(report.curve(), figure));
        }
    }
}
