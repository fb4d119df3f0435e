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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
        ScalingSettings settings;
        try {
            settings = new ScalingSettings(tasks, serviceSeconds, windows, workers, compression, seed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("scaling-curve: " + e.getMessage(), e);
        }
        List<String> variants = switch (platform) {
            case "both" -> List.of("bare", "openfaas-measured");
            case "bare", "openfaas-measured" -> List.of(platform);
            default -> throw new IllegalArgumentException("--platform must be bare, openfaas-measured or both, was '" + platform + "'");
        };
        if (scaleUps < 0) {
            throw new IllegalArgumentException("--scale-ups must be >= 0, was " + scaleUps);
        }
        try (EmbeddedRedis embedded = redisUrl == null ? EmbeddedRedis.start() : null) {
            String url = redisUrl != null ? redisUrl : embedded.url();
            ScalingExperiment experiment = new ScalingExperiment(settings, url);
            List<ScalingCurve> curves = new ArrayList<>();
            for (String variant : variants) {
                boolean bare = variant.equals("bare");
                String label = bare ? "local platform (bare)" : "local platform (OpenFaaS-measured deploy latency)";
                System.out.println("measuring " + label + " ...");
                ScalingCurve curve = experiment.run(label, bare ? LatencyProfile.instant() : LatencyProfile.openFaasMeasured(),
                        p -> System.out.printf(Locale.ROOT, "  window %.0f s, N=%d: runtime %.1f s, speedup %.2f%n",
                                p.windowSeconds(), p.workers(), p.runtimeSeconds(), p.speedup()));
                curves.add(curve);
                System.out.println();
                System.out.println(curve.table());
            }
            ScaleUpLatency latency = null;
            if (scaleUps > 0) {
                latency = ScaleUpLatency.measure(url, scaleUps, seed);
                System.out.printf(Locale.ROOT,
                        "bare local platform scale-up latency (request -> first task taken), %d scale-ups: p50 %.2f ms, p95 %.2f ms%n",
                        scaleUps, latency.p50Millis(), latency.p95Millis());
            }
            if (figure != null) {
                System.out.println("wrote " + Figures.speedup(curves, figure));
            }
            if (json != null) {
                Json.write(json, new ScalingReport(curves, latency,
                        latency == null ? Double.NaN : latency.p50Millis(),
                        latency == null ? Double.NaN : latency.p95Millis()));
                System.out.println("wrote " + json);
            }
        }
        return 0;
    }
}
