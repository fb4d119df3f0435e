package farmhand.reproduction.cli;

import farmhand.farm.live.EmbeddedRedis;
import farmhand.farm.platform.openfaas.OpenFaasPlatform;
import farmhand.farm.platform.openfaas.OpenFaasPlatformConfig;
import farmhand.reproduction.scaling.ContainerMeasurements;
import farmhand.reproduction.scaling.Percentiles;
import farmhand.reproduction.scaling.PlatformVariant;
import farmhand.reproduction.scaling.ScaleUpLatency;
import farmhand.reproduction.scaling.ScalingCurve;
import farmhand.reproduction.scaling.ScalingExperiment;
import farmhand.reproduction.scaling.ScalingReport;
import farmhand.reproduction.scaling.ScalingSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.DoubleFunction;

/**
 * {@code farmhand scaling-curve --platform openfaas}: Fig. 2's batches, the farm's initialisation and the scale-up
 * latency with every function on an OpenFaaS gateway, the scale-ups timed stage by stage through the gateway
 * (request -> {@code availableReplicas} -> invocation accepted -> START -> first task taken). Farm sizes the
 * gateway cannot host in the chosen layout (CE: 15 functions, 5 replicas each) are left out, and said so.
 */
final class OpenFaasScalingCurve {

    private OpenFaasScalingCurve() {
    }

    /** The platform name in reports. */
    static final String PLATFORM = "openfaas";

    /**
     * Runs the curve and, when {@code scaleUps > 0}, the scale-up latency on the gateway {@code options} name.
     *
     * @param redisUrl the farm's Redis (the functions reach it at --openfaas-redis when set), or null for a
     *                 private one (reachable only by functions on this machine)
     * @throws IllegalArgumentException when no farm size fits the gateway's limits
     */
    static ScalingReport measure(ScalingSettings settings, OpenFaasOptions options, String redisUrl, int scaleUps) {
        OpenFaasPlatformConfig config = options.config();
        int maxWorkers = options.maxWorkers();
        String limit = "the gateway hosts at most " + maxWorkers + " workers in the " + options.layoutName()
                + " layout (--openfaas-max-functions " + options.maxFunctions + ", emitter and collector included"
                + (config.layout() == farmhand.farm.platform.openfaas.Layout.REPLICAS ? ", "
                + OpenFaasPlatformConfig.CE_MAX_REPLICAS + " replicas per function" : "") + ")";
        List<Integer> fit = settings.workerCounts().stream().filter(n -> n <= maxWorkers).toList();
        if (fit.isEmpty()) {
            throw new IllegalArgumentException("--workers " + settings.workerCounts() + ": " + limit);
        }
        if (fit.size() < settings.workerCounts().size()) {
            System.out.println("left out N = " + settings.workerCounts().stream().filter(n -> n > maxWorkers).toList()
                    + ": " + limit + " (OpenFaaS CE's limits; --openfaas-layout replicas or a larger "
                    + "--openfaas-max-functions on Pro)");
        }
        int ups = Math.min(scaleUps, maxWorkers - 1);
        if (ups < scaleUps) {
            System.out.println("scale-ups: " + ups + " instead of " + scaleUps + " (one worker and the scale-ups "
                    + "share the limit: " + limit + ")");
        }
        ScalingSettings fitting = new ScalingSettings(settings.tasks(), settings.serviceSeconds(), settings.windowsSeconds(),
                fit, settings.compression(), settings.seed());
        List<OpenFaasPlatform> made = new CopyOnWriteArrayList<>();
        DoubleFunction<farmhand.farm.platform.Platform> create = compression -> {
            OpenFaasPlatform p = options.platform(config);
            made.add(p);
            return p;
        };
        PlatformVariant variant = new PlatformVariant(PLATFORM, create);
        try (EmbeddedRedis embedded = redisUrl == null ? EmbeddedRedis.start() : null) {
            String url = redisUrl != null ? redisUrl : embedded.url();
            System.out.println("measuring the live farm's scaling curve on the OpenFaaS gateway at "
                    + config.gateway().redacted() + " (" + options.layoutName() + " layout, image " + config.image()
                    + ") ...");
            ScalingCurve curve = new ScalingExperiment(fitting, url, variant, run -> { }).runOn(List.of(variant),
                    pt -> System.out.printf(Locale.ROOT, "  window %.0f s, N=%d: runtime %.1f s, speedup %.2f%n",
                            pt.windowSeconds(), pt.workers(), pt.runtimeSeconds(), pt.speedup()));
            System.out.println();
            System.out.println(curve.table());
            ScaleUpLatency latency = null;
            Map<String, double[]> stages = new LinkedHashMap<>();
            if (ups > 0) {
                int before = made.size();
                latency = ScaleUpLatency.measure(url, variant, ups, fitting.seed());
                List<OpenFaasPlatform.ScaleUp> timings = made.get(before).scaleUps().stream()
                        .filter(s -> !s.initial()).toList();
                stages.put("available", percentiles(timings.stream().mapToDouble(s -> s.availableSeconds() * 1000)
                        .toArray()));
                stages.put("invoked", percentiles(timings.stream().mapToDouble(s -> s.invokedSeconds() * 1000)
                        .toArray()));
                stages.put("start", percentiles(latency.startMillis().stream().mapToDouble(Double::doubleValue)
                        .toArray()));
                System.out.printf(Locale.ROOT, "OpenFaaS scale-up latency over %d scale-ups, wall ms p50 / p95:%n", ups);
                stages.forEach((stage, p) -> System.out.printf(Locale.ROOT, "  request -> %-10s %8.1f / %8.1f%n",
                        stage, p[0], p[1]));
                System.out.printf(Locale.ROOT, "  request -> %-10s %8.1f / %8.1f%n", "first task", latency.p50Millis(),
                        latency.p95Millis());
            }
            return new ScalingReport(curve, latency, PLATFORM,
                    new ContainerMeasurements(config.image(), 0, Map.of(), stages));
        }
    }

    private static double[] percentiles(double[] values) {
        return new double[] {Percentiles.of(values, 50), Percentiles.of(values, 95)};
    }
}
