package farmhand.reproduction.scaling;

import java.util.List;
import java.util.Locale;

/**
 * A measured scaling curve: one point per (arrival window, worker count) on one platform.
 *
 * @param platform the platform and latency profile it ran on, e.g. {@code local (bare)}
 * @param compression the time compression it ran at
 * @param tasks tasks per batch
 * @param serviceSeconds service time of each task, model seconds
 * @param points in window order, then worker order
 */
public record ScalingCurve(String platform, double compression, int tasks, double serviceSeconds,
                           List<ScalingPoint> points) {

    public ScalingCurve {
        points = List.copyOf(points);
    }

    /** The point for {@code windowSeconds} and {@code workers}, or null when it was not measured. */
    public ScalingPoint point(double windowSeconds, int workers) {
        return points.stream().filter(p -> p.windowSeconds() == windowSeconds && p.workers() == workers)
                .findFirst().orElse(null);
    }

    /** A Markdown table: one row per point. */
    public String table() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Scaling curve on %s: %d tasks of %.2f s, time compression %.0f%n%n",
                platform, tasks, serviceSeconds, compression));
        b.append("| window (s) | N | runtime (s) | init (s) | speedup | data path p50 (wall ms) | p95 (wall ms) | collected |\n");
        b.append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (ScalingPoint p : points) {
            b.append(String.format(Locale.ROOT, "| %.0f | %d | %.1f | %.1f | %.2f | %.2f | %.2f | %d |%n",
                    p.windowSeconds(), p.workers(), p.runtimeSeconds(), p.initSeconds(), p.speedup(),
                    p.dataPathMedianWallMillis(), p.dataPathP95WallMillis(), p.collected()));
        }
        return b.toString();
    }
}
