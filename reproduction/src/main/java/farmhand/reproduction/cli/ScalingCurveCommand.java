package farmhand.reproduction.cli;

import farmhand.farm.live.EmbeddedRedis;
import farmhand.farm.platform.LatencyProfile;
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

    @Option(names = "--platform", defaultValue = "both",
            description = "bare, openfaas-measured or both: the local platform's deploy latency (default: ${DEFAULT-VALUE})")
    String platform;

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
        Map<String, LatencyProfile> platforms = switch (platform) {
            case "both" -> PLATFORMS;
            case "bare", "openfaas-measured" -> Map.of(platform, PLATFORMS.get(platform));
            default -> throw new IllegalArgumentException("--platform must be bare, openfaas-measured or both, was '" + platform + "'");
        };
        if (scaleUps < 0) {
            throw new IllegalArgumentException("--scale-ups must be >= 0, was " + scaleUps);
        }
        write(measure(settings, platforms, redisUrl, scaleUps), json, null, figure);
        return 0;
    }

    /** The local platform's variants: bare, and with the deploy latency measured on OpenFaaS. */
    static final Map<String, LatencyProfile> PLATFORMS = orderedPlatforms();

    private static Map<String, LatencyProfile> orderedPlatforms() {
        Map<String, LatencyProfile> m = new LinkedHashMap<>();
        m.put("bare", LatencyProfile.instant());
        m.put("openfaas-measured", LatencyProfile.openFaasMeasured());
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
