package farmhand.reproduction.scaling;

import java.util.List;
import java.util.Locale;

/**
 * A measured scaling curve of the live farm: one point per (arrival window, worker count), with the
 * initialisation time of each platform variant it was measured on.
 *
 * @param compression the time compression it ran at
 * @param tasks tasks per batch
 * @param serviceSeconds service time of each task, model seconds
 * @param platforms the platform variants whose initialisation every point carries, in order
 * @param points in window order, then worker order
 */
public record ScalingCurve(double compression, int tasks, double serviceSeconds, List<String> platforms,
                           List<ScalingPoint> points) {

    public ScalingCurve {
        platforms = List.copyOf(platforms);
        points = List.copyOf(points);
    }

    /** The point for {@code windowSeconds} and {@code workers}, or null when it was not measured. */
    public ScalingPoint point(double windowSeconds, int workers) {
        return points.stream().filter(p -> p.windowSeconds() == windowSeconds && p.workers() == workers)
                .findFirst().orElse(null);
    }

    /** The arrival windows measured, in order. */
    public List<Double> windows() {
        return points.stream().map(ScalingPoint::windowSeconds).distinct().toList();
    }

    /** A Markdown table: one row per point. */
    public String table() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Scaling curve of the live farm: %d tasks of %.2f s, time compression %.0f%n%n",
                tasks, serviceSeconds, compression));
        b.append("| window (s) | N | runtime (s) | speedup |");
        platforms.forEach(p -> b.append(" init, ").append(p).append(" (s) |"));
        b.append(" data path p50 (wall ms) | p95 (wall ms) | collected |\n|---:|---:|---:|---:|");
        platforms.forEach(p -> b.append("---:|"));
        b.append("---:|---:|---:|\n");
        for (ScalingPoint p : points) {
            b.append(String.format(Locale.ROOT, "| %.0f | %d | %.1f | %.2f |", p.windowSeconds(), p.workers(),
                    p.runtimeSeconds(), p.speedup()));
            platforms.forEach(name -> b.append(String.format(Locale.ROOT, " %.1f |", p.initSeconds().get(name))));
            b.append(String.format(Locale.ROOT, " %.2f | %.2f | %d |%n", p.dataPathMedianWallMillis(),
                    p.dataPathP95WallMillis(), p.collected()));
        }
        for (ScalingPoint p : points) {
            if (p.lateStartSeconds() > farmhand.farm.backend.EpisodeHealth.LATE_START_TOLERANCE_SECONDS) {
                b.append(String.format(Locale.ROOT, "%nDISTURBED: window %.0f s, N = %d: the batch's model time 0 was "
                        + "published %.1f model s after it came; its runtime includes the late start%n", p.windowSeconds(), p.workers(), p.lateStartSeconds()));
            }
        }
        return b.toString();
    }
}
